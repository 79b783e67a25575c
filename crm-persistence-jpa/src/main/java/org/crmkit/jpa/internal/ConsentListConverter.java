package org.crmkit.jpa.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link ConsentList} as JSON text. Not part of CRMKit's API; thread-safe. */
@Converter
public final class ConsentListConverter implements AttributeConverter<ConsentList, String> {

    /** For the persistence provider. */
    public ConsentListConverter() {}

    @Override
    public String convertToDatabaseColumn(ConsentList value) {
        return value == null ? null : Json.writeConsents(value);
    }

    @Override
    public ConsentList convertToEntityAttribute(String json) {
        return json == null ? null : Json.readConsents(json);
    }
}
