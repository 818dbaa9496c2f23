package com.smbhub.platform.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A PostgreSQL text[] column as a List of strings (array literal in and out). */
@Converter
public class TextArrayConverter implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    literal.append(',');
                }
                literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return literal.append('}').toString();
    }

    @Override
    public List<String> convertToEntityAttribute(Object column) {
        List<String> values = new ArrayList<>();
        if (column == null) {
            return values;
        }
        if (column instanceof Object[] array) {
            for (Object value : array) {
                values.add(String.valueOf(value));
            }
            return values;
        }
        if (column instanceof Array array) {
            try {
                for (Object value : (Object[]) array.getArray()) {
                    values.add(String.valueOf(value));
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a text[] column", e);
            }
        }
        return parse(column.toString());
    }

    static List<String> parse(String literal) {
        List<String> values = new ArrayList<>();
        String body = literal.trim();
        if (body.length() < 2) {
            return values;
        }
        body = body.substring(1, body.length() - 1);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                current.append(body.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
                any = false;
            } else {
                current.append(c);
                any = true;
            }
        }
        if (any || current.length() > 0) {
            values.add(current.toString());
        }
        return values;
    }
}
