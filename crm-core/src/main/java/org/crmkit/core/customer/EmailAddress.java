package org.crmkit.core.customer;

import java.util.Locale;
import org.crmkit.core.common.ValidationException;

/**
 * An e-mail address, checked and normalised so that two spellings of one mailbox are equal: white
 * space removed, lower case (CRMs match mailboxes case-insensitively, as virtually every provider
 * delivers them). Internationalised addresses (non-ASCII local part or domain) are accepted.
 *
 * @param value the normalised address
 */
public record EmailAddress(String value) {
    /** The longest address RFC 5321 allows. */
    public static final int MAX_LENGTH = 254;

    /** Normalises and validates the address. */
    public EmailAddress {
        value = normalise(value);
    }

    /** Parses and normalises {@code text}. */
    public static EmailAddress of(String text) {
        return new EmailAddress(text);
    }

    /** The part after the {@code @}. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    private static String normalise(String raw) {
        ValidationException.requireNonNull(raw, "email");
        String text = ValidationException.requireStorableText(raw, "email").strip();
        if (text.startsWith("mailto:") || text.startsWith("MAILTO:")) {
            text = text.substring(7);
        }
        text = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw invalid(raw, "must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid(raw, "must be at most " + MAX_LENGTH + " characters");
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
            throw invalid(raw, "must have exactly one '@' between a local part and a domain");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.length() > 64) {
            throw invalid(raw, "the part before '@' must be at most 64 characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || "()<>,;:\\\"[]".indexOf(c) >= 0) {
                throw invalid(raw, "must not contain spaces, control characters or ()<>,;:\\\"[]");
            }
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw invalid(raw, "the part before '@' must not start or end with a dot or hold two in a row");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid(raw, "the domain must contain a dot, as in example.com");
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                throw invalid(raw, "the domain '" + domain + "' is not a valid host name");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(Character.isLetterOrDigit(c)
                        || c == '-'
                        || Character.getType(c) == Character.NON_SPACING_MARK
                        || Character.getType(c) == Character.COMBINING_SPACING_MARK)) {
                    throw invalid(raw, "the domain '" + domain + "' is not a valid host name");
                }
            }
        }
        return text;
    }

    private static ValidationException invalid(String raw, String reason) {
        return new ValidationException("email", "'" + raw + "' is not an e-mail address: " + reason);
    }

    @Override
    public String toString() {
        return value;
    }
}
