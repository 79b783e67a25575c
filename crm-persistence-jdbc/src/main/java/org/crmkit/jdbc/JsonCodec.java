package org.crmkit.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
 * The JSON documents of a customer's open-ended data and of a pipeline's reasons, written and read
 * with Jackson.
 *
 * <p>Custom attributes are an object of {@code {"type": …, "value": …}} by key; numbers and money
 * amounts are decimal <em>strings</em>, never JSON numbers, so no value passes through a floating
 * point. Money is {@code {"type": "MONEY", "amount": "12.50", "currency": "EUR"}}. Consents are an
 * array in the customer's order, times in ISO-8601. A list of texts (a pipeline's won or lost
 * reasons) is an array of strings in its order. Stateless and thread-safe.
 */
final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonCodec() {}

    /** The JSON of custom attributes. */
    static String writeAttributes(Map<String, AttributeValue> attributes) {
        ObjectNode root = MAPPER.createObjectNode();
        attributes.forEach((key, value) -> {
            ObjectNode node = root.putObject(key);
            node.put("type", value.type().name());
            if (value instanceof AttributeValue.Text text) {
                node.put("value", text.value());
            } else if (value instanceof AttributeValue.Number number) {
                node.put("value", number.value().toPlainString());
            } else if (value instanceof AttributeValue.Bool bool) {
                node.put("value", bool.value());
            } else if (value instanceof AttributeValue.Date date) {
                node.put("value", date.value().toString());
            } else if (value instanceof AttributeValue.Amount amount) {
                node.put("amount", amount.value().amount().toPlainString());
                node.put("currency", amount.value().currency().getCurrencyCode());
            } else {
                throw new IllegalStateException("unknown attribute value " + value);
            }
        });
        return write(root);
    }

    /** The custom attributes in {@code json}, sorted by key. */
    static SortedMap<String, AttributeValue> readAttributes(String json) {
        SortedMap<String, AttributeValue> attributes = new TreeMap<>();
        JsonNode root = read(json);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode node = field.getValue();
            AttributeValue.Type type =
                    AttributeValue.Type.valueOf(node.path("type").asText());
            AttributeValue value = switch (type) {
                case TEXT -> AttributeValue.of(node.path("value").asText());
                case NUMBER ->
                    AttributeValue.of(new BigDecimal(node.path("value").asText()));
                case BOOLEAN -> AttributeValue.of(node.path("value").asBoolean());
                case DATE ->
                    AttributeValue.of(LocalDate.parse(node.path("value").asText()));
                case MONEY ->
                    AttributeValue.of(Money.of(
                            new BigDecimal(node.path("amount").asText()),
                            Currency.getInstance(node.path("currency").asText())));
            };
            attributes.put(field.getKey(), value);
        }
        return attributes;
    }

    /** The JSON of consents, in their order. */
    static String writeConsents(List<Consent> consents) {
        ArrayNode root = MAPPER.createArrayNode();
        for (Consent consent : consents) {
            ObjectNode node = root.addObject();
            node.put("channel", consent.channel().name());
            node.put("purpose", consent.purpose().code());
            node.put("status", consent.status().name());
            node.put("at", consent.at().toString());
            node.put("source", consent.source());
        }
        return write(root);
    }

    /** The consents in {@code json}, in their order. */
    static List<Consent> readConsents(String json) {
        JsonNode root = read(json);
        List<Consent> consents = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            consents.add(new Consent(
                    Channel.valueOf(node.path("channel").asText()),
                    ConsentPurpose.of(node.path("purpose").asText()),
                    Consent.Status.valueOf(node.path("status").asText()),
                    Instant.parse(node.path("at").asText()),
                    node.path("source").asText()));
        }
        return consents;
    }

    /** The JSON array of {@code texts}, in their order. */
    static String writeTexts(List<String> texts) {
        ArrayNode root = MAPPER.createArrayNode();
        texts.forEach(root::add);
        return write(root);
    }

    /** The texts of the JSON array {@code json}, in their order. */
    static List<String> readTexts(String json) {
        JsonNode root = read(json);
        List<String> texts = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
