package org.crmkit.core.customer;

import org.crmkit.core.common.ValidationException;

/** The built-in {@link PhoneNormalizer}: separators out, international prefixes read, trunk 0 replaced. */
final class SimplePhoneNormalizer implements PhoneNormalizer {
    private static final java.util.regex.Pattern EXTENSION =
            java.util.regex.Pattern.compile("(?i)\\s*(ext\\.?|x|#)\\s*\\d+$");

    private final String defaultCountryCode;

    SimplePhoneNormalizer(String defaultCountryCode) {
        this.defaultCountryCode = defaultCountryCode;
    }

    @Override
    public PhoneNumber normalize(String raw) {
        ValidationException.requireNonNull(raw, "phone");
        String text = raw.strip();
        if (text.startsWith("tel:")) {
            text = text.substring(4);
        }
        // an extension is not part of the number that identifies the line
        text = EXTENSION.matcher(text).replaceFirst("");
        StringBuilder digits = new StringBuilder(text.length());
        boolean plus = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isDigit(c)) {
                digits.append(Character.forDigit(Character.digit(c, 10), 10)); // Arabic-Indic and other digits
            } else if (" -./()\u00A0".indexOf(c) < 0) {
                throw new ValidationException("phone", "'" + raw + "' is not a phone number: unexpected '" + c + "'");
            }
        }
        String number;
        if (plus) {
            number = digits.toString();
        } else if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            number = digits.substring(2);
        } else if (!defaultCountryCode.isEmpty() && digits.length() > 1 && digits.charAt(0) == '0') {
            number = defaultCountryCode + digits.substring(1);
        } else if (!defaultCountryCode.isEmpty() && digits.length() > 0) {
            number = defaultCountryCode + digits;
        } else {
            throw new ValidationException(
                    "phone", "'" + raw + "' has no country code; write it as +<country code> <number>");
        }
        if (number.isEmpty()) {
            throw new ValidationException("phone", "'" + raw + "' is not a phone number");
        }
        return new PhoneNumber("+" + number);
    }
}
