package com.smbhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The profile JSON Schema (config/profiles/profile.schema.json) and the shipped profile files. */
public final class ProfileSchema {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(read("profile.schema.json"));

    private ProfileSchema() {
    }

    /** A shipped profile file from the classpath (profiles/NAME.json). */
    public static JsonNode shipped(String name) {
        JsonNode profile = read(name + ".json");
        check(profile, "profile " + name);
        return profile;
    }

    /** Refuses a document that breaks the schema, naming each field that does. */
    public static void check(JsonNode profile, String what) {
        Set<ValidationMessage> problems = SCHEMA.validate(profile);
        if (!problems.isEmpty()) {
            List<FieldError> errors = problems.stream()
                    .sorted(Comparator.comparing(ValidationMessage::getMessage))
                    .map(p -> new FieldError(field(p), what + ": " + p.getMessage()))
                    .toList();
            throw new ValidationException(errors);
        }
    }

    private static String field(ValidationMessage problem) {
        String path = problem.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if (problem.getProperty() != null && !path.endsWith(problem.getProperty())) {
            path = path.isEmpty() ? problem.getProperty() : path + "." + problem.getProperty();
        }
        return path.isEmpty() ? "profile" : path;
    }

    static JsonNode read(String file) {
        try (InputStream in = ProfileSchema.class.getClassLoader().getResourceAsStream("profiles/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing profiles/" + file + " on the classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read profiles/" + file, e);
        }
    }
}
