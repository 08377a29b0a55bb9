package org.stockroom.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.type.TypeFactory;

/**
 * Answers are written with every member present (null included), except where a record says
 * {@code @JsonInclude(NON_NULL)}; so every member of a schema that appears only in answers is
 * {@code required}, bar those that may be left out. Schemas that are also request bodies keep the
 * required fields their operations state, since a client may omit optional ones.
 */
@Component
class ResponseSchemas implements ModelConverter {

    /** Schema name to the members a record may leave out (nullable under NON_NULL). */
    private static final Map<String, Set<String>> OMITTABLE = new ConcurrentHashMap<>();

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type);
        if (raw != null && raw.isRecord()) {
            String name = schema != null && schema.get$ref() != null
                    ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)
                    : raw.getSimpleName();
            OMITTABLE.put(OpenApiDocument.shortName(name), omittable(raw));
        }
        return schema;
    }

    private static Set<String> omittable(Class<?> record) {
        boolean nonNull = nonNull(record.getAnnotation(JsonInclude.class));
        Set<String> names = new java.util.HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
            if (own == null) {
                own = fieldAnnotation(record, component.getName());
            }
            boolean leaves = own != null ? nonNull(own) : nonNull;
            if (leaves && !component.getType().isPrimitive()) {
                names.add(component.getName());
            }
        }
        return names;
    }

    private static JsonInclude fieldAnnotation(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name).getAnnotation(JsonInclude.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean nonNull(JsonInclude include) {
        return include != null
                && (include.value() == JsonInclude.Include.NON_NULL
                        || include.value() == JsonInclude.Include.NON_ABSENT
                        || include.value() == JsonInclude.Include.NON_EMPTY);
    }

    private static Class<?> rawClass(AnnotatedType type) {
        if (type.getType() instanceof Class<?> c) {
            return c;
        }
        try {
            return TypeFactory.createDefaultInstance()
                    .constructType(type.getType())
                    .getRawClass();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Marks the members of answer-only schemas required; called once the document is complete. */
    @SuppressWarnings("rawtypes")
    static void markAlwaysPresent(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        List<Schema<?>> requests = new ArrayList<>();
        List<Schema<?>> answers = new ArrayList<>();
        api.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        operation.getRequestBody().getContent().values().forEach(m -> requests.add(m.getSchema()));
                    }
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(p -> requests.add(p.getSchema()));
                    }
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(r -> {
                            if (r.getContent() != null) {
                                r.getContent().values().forEach(m -> answers.add(m.getSchema()));
                            }
                        });
                    }
                }));
        Set<String> requestSchemas = OpenApiDocument.reachable(api, requests);
        for (String name : OpenApiDocument.reachable(api, answers)) {
            Schema schema = api.getComponents().getSchemas().get(name);
            if (requestSchemas.contains(name)
                    || name.equals(OpenApiDocument.PROBLEM)
                    || schema == null
                    || schema.getProperties() == null) {
                continue;
            }
            Set<String> omittable = OMITTABLE.getOrDefault(name, Set.of());
            List<String> required = new ArrayList<>();
            for (Object property : schema.getProperties().keySet()) {
                if (!omittable.contains(property)) {
                    required.add((String) property);
                }
            }
            schema.setRequired(required);
        }
    }
}
