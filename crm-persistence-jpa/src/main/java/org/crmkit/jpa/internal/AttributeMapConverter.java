package org.crmkit.jpa.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AttributeMap} as JSON text. Not part of CRMKit's API; thread-safe. */
@Converter
public final class AttributeMapConverter implements AttributeConverter<AttributeMap, String> {

    /** For the persistence provider. */
    public AttributeMapConverter() {}

    @Override
    public String convertToDatabaseColumn(AttributeMap value) {
        return value == null ? null : Json.writeAttributes(value);
    }

    @Override
    public AttributeMap convertToEntityAttribute(String json) {
        return json == null ? null : Json.readAttributes(json);
    }
}
