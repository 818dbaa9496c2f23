package com.smbhub.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Set;

/**
 * Rows as CSV for spreadsheets (RFC 4180, UTF-8 with a byte-order mark so Excel reads accents): a header of column
 * names, then each row; a text cell starting with = + - @ gets a leading apostrophe so no spreadsheet runs it as a
 * formula (the JSON lines next to it keep the exact value).
 */
final class Csv {

    private static final Set<Integer> NUMBERS = Set.of(Types.NUMERIC, Types.DECIMAL, Types.INTEGER, Types.BIGINT,
            Types.SMALLINT, Types.REAL, Types.DOUBLE, Types.FLOAT, Types.TINYINT);

    private Csv() {
    }

    static void write(ResultSet rows, OutputStream out) throws SQLException, IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        for (int i = 1; i <= n; i++) {
            w.write((i > 1 ? "," : "") + cell(meta.getColumnLabel(i), false));
        }
        w.write("\r\n");
        while (rows.next()) {
            for (int i = 1; i <= n; i++) {
                String value = rows.getString(i);
                w.write((i > 1 ? "," : "") + (value == null ? "" : cell(value, !NUMBERS.contains(meta.getColumnType(i)))));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    static String cell(String value, boolean text) {
        String v = text && !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
