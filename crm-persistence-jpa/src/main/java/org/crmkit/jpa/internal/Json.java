package org.crmkit.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Consent;
import org.crmkit.core.customer.ConsentPurpose;

/**
 * The JSON forms of the values kept in JSON columns, written and read through Jackson's tree model so
 * that no annotation reaches the core's types. Numbers and money amounts are decimal strings, never
 * JSON numbers, so no value passes through floating point; instants and dates are ISO-8601 text.
 * Thread-safe.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static String writeAttributes(AttributeMap attributes) {
        ObjectNode root = MAPPER.createObjectNode();
        for (Map.Entry<String, AttributeValue> e : attributes.values().entrySet()) {
            ObjectNode node = root.putObject(e.getKey());
            AttributeValue value = e.getValue();
            node.put("type", value.type().name());
            if (value instanceof AttributeValue.Text t) {
                node.put("value", t.value());
            } else if (value instanceof AttributeValue.Number n) {
                node.put("value", n.value().toPlainString());
            } else if (value instanceof AttributeValue.Bool b) {
                node.put("value", b.value());
            } else if (value instanceof AttributeValue.Date d) {
                node.put("value", d.value().toString());
            } else if (value instanceof AttributeValue.Amount a) {
                node.put("amount", a.value().amount().toPlainString());
                node.put("currency", a.value().currency().getCurrencyCode());
            } else {
                throw new IllegalArgumentException("unknown attribute type " + value.getClass());
            }
        }
        return write(root);
    }

    static AttributeMap readAttributes(String json) {
        JsonNode root = read(json);
        SortedMap<String, AttributeValue> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode node = e.getValue();
            AttributeValue.Type type = AttributeValue.Type.valueOf(text(node, "type"));
            AttributeValue value = switch (type) {
                case TEXT -> AttributeValue.of(text(node, "value"));
                case NUMBER -> AttributeValue.of(new BigDecimal(text(node, "value")));
                case BOOLEAN -> AttributeValue.of(required(node, "value").booleanValue());
                case DATE -> AttributeValue.of(LocalDate.parse(text(node, "value")));
                case MONEY ->
                    AttributeValue.of(
                            Money.of(new BigDecimal(text(node, "amount")), Money.currency(text(node, "currency"))));
            };
            values.put(e.getKey(), value);
        }
        return new AttributeMap(values);
    }

    static String writeConsents(ConsentList consents) {
        ArrayNode root = MAPPER.createArrayNode();
        for (Consent c : consents.values()) {
            ObjectNode node = root.addObject();
            node.put("channel", c.channel().name());
            node.put("purpose", c.purpose().code());
            node.put("status", c.status().name());
            node.put("at", c.at().toString());
            node.put("source", c.source());
        }
        return write(root);
    }

    static ConsentList readConsents(String json) {
        List<Consent> consents = new ArrayList<>();
        for (JsonNode node : read(json)) {
            consents.add(new Consent(
                    Channel.valueOf(text(node, "channel")),
                    ConsentPurpose.of(text(node, "purpose")),
                    Consent.Status.valueOf(text(node, "status")),
                    Instant.parse(text(node, "at")),
                    text(node, "source")));
        }
        return new ConsentList(consents);
    }

    static String writeLines(AddressLines lines) {
        ArrayNode root = MAPPER.createArrayNode();
        lines.lines().forEach(root::add);
        return write(root);
    }

    static AddressLines readLines(String json) {
        List<String> lines = new ArrayList<>();
        for (JsonNode node : read(json)) {
            lines.add(node.textValue());
        }
        return new AddressLines(lines);
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("stored JSON lacks '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
