package dev.streamtune.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML mapper on which a field the target type does not declare is an error.
 *
 * <p>Turning on {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES} alone is not enough: every fabric8 and
 * Strimzi model class has a {@code @JsonAnySetter} ({@code additionalProperties}) that swallows unknown fields. The
 * mapper therefore drops the any-setter of every bean, so an unknown field reaches Jackson's unknown-property
 * handling and fails with its name and path. Strimzi properties and types that its {@code v1} API dropped are
 * removed too ({@link StrimziVersionFilter}).
 */
final class StrictYaml {

    private static final ObjectMapper MAPPER = create();

    private StrictYaml() {
    }

    /** The shared strict mapper (thread-safe once configured). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Every non-empty document of a (multi-document) YAML file, as trees. */
    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = MAPPER.getFactory().createParser(file.toFile());
                var it = MAPPER.readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        SimpleModule noAnySetter = new SimpleModule("no-any-setter");
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                StrimziVersionFilter.removeAbsentProperties(description, builder);
                return builder;
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return StrimziVersionFilter.refuseAbsentType(description, deserializer);
            }
        });
        mapper.registerModule(noAnySetter);
        return mapper;
    }
}
