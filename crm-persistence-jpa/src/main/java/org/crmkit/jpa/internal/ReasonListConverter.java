package org.crmkit.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.List;

/** Stores {@link ReasonList} as a JSON array of text. Not part of CRMKit's API; thread-safe. */
@Converter
public final class ReasonListConverter implements AttributeConverter<ReasonList, String> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** For the persistence provider. */
    public ReasonListConverter() {}

    @Override
    public String convertToDatabaseColumn(ReasonList value) {
        if (value == null) {
            return null;
        }
        ArrayNode root = MAPPER.createArrayNode();
        value.reasons().forEach(root::add);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    @Override
    public ReasonList convertToEntityAttribute(String json) {
        if (json == null) {
            return null;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("stored reasons are not a JSON array");
        }
        List<String> reasons = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            if (!node.isTextual()) {
                throw new IllegalArgumentException("stored reasons hold a value that is not text");
            }
            reasons.add(node.textValue());
        }
        return new ReasonList(reasons);
    }
}
