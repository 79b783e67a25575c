package org.crmkit.jpa.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link AddressLines} as JSON text. Not part of CRMKit's API; thread-safe. */
@Converter
public final class AddressLinesConverter implements AttributeConverter<AddressLines, String> {

    /** For the persistence provider. */
    public AddressLinesConverter() {}

    @Override
    public String convertToDatabaseColumn(AddressLines value) {
        return value == null ? null : Json.writeLines(value);
    }

    @Override
    public AddressLines convertToEntityAttribute(String json) {
        return json == null ? null : Json.readLines(json);
    }
}
