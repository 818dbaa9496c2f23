package com.smbhub.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API document (META-INF/openapi.yaml) names exactly the routes the code serves, and each names its errors. */
class OpenApiDocumentTest {

    /** Served only on test stacks (smbhub.test-support), never in a product. */
    private static final Set<Class<?>> NOT_DOCUMENTED = Set.of(TestSupportResource.class);

    static JsonNode document() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void everyRouteInTheCodeIsInTheDocumentAndNothingElse() throws Exception {
        Set<String> documented = new TreeSet<>();
        document().get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> served = routes();
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> gone = new TreeSet<>(documented);
        gone.removeAll(served);
        assertEquals(Set.of(), undocumented, "routes the document does not name");
        assertEquals(Set.of(), gone, "documented routes the code does not serve");
        assertTrue(served.size() > 70, served.size() + " routes found");
    }

    @Test
    void everyOperationSaysHowItFailsAndEveryBodyHasASchema() throws Exception {
        List<String> missing = new ArrayList<>();
        document().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getKey().equals("parameters")) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode responses = op.getValue().get("responses");
            boolean open = op.getValue().has("security") && op.getValue().get("security").isEmpty();
            if (!open && !responses.has("401")) {
                missing.add(name + ": 401");
            }
            if (op.getValue().has("requestBody") && !responses.has("400")) {
                missing.add(name + ": 400");
            }
            if ((path.getKey().contains("{id}") || path.getKey().contains("{name}")) && !responses.has("404")) {
                missing.add(name + ": 404");
            }
            op.getValue().path("requestBody").path("content").forEach(type -> {
                if (!type.has("schema")) {
                    missing.add(name + ": body schema");
                }
            });
            if (op.getValue().path("parameters").toString().contains("ifMatch") && !responses.has("428")) {
                missing.add(name + ": 428");
            }
        }));
        assertTrue(missing.isEmpty(), "not documented: " + missing);
    }

    /** "METHOD /path" of every resource method, as JAX-RS serves it under /api/v1. */
    private static Set<String> routes() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(ApiApplication.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve(ApiApplication.class.getPackageName().replace('.', '/'));
        Set<String> routes = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(ApiApplication.class.getPackageName() + "." + name);
                Path base = type.getAnnotation(Path.class);
                if (base == null || Modifier.isAbstract(type.getModifiers()) || NOT_DOCUMENTED.contains(type)) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = verb(method);
                    if (verb != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                                .replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("(.)/$", "$1");
                        routes.add(verb + " " + path);
                    }
                }
            }
        }
        return routes;
    }

    private static String verb(Method method) {
        return Stream.of(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(h -> h != null).map(HttpMethod::value).findFirst().orElse(null);
    }
}
