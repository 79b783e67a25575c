package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerKind;

/**
 * One generated customer as plain text, the way a host would receive it from a form or an import
 * file: names, e-mail addresses and phone numbers as typed, tags. A value that can be kept, compared
 * and turned into a fresh {@link CustomerDraft} any number of times. Immutable and thread-safe.
 *
 * @param index the generator index this customer was made for
 * @param kind person or organisation
 * @param script the script the names are written in
 * @param givenName a person's given name (with the middle name for Vietnamese); empty for an
 *     organisation
 * @param familyName a person's family name; empty for an organisation
 * @param displayName the name as the culture writes it (family name first for Vietnamese and CJK
 *     names, otherwise the legal name or {@code given family}); empty when the full name is meant
 * @param legalName an organisation's legal name; empty for a person
 * @param emails one or two e-mail addresses, unique among all indices of one generator
 * @param phones zero or one phone number, as typed in international form, unique among all indices
 * @param tags the tags, distinct, in the order drawn
 * @param birthdays a person's birthday, or empty when unknown (about half of the people); at most one
 */
public record CustomerSpec(
        long index,
        CustomerKind kind,
        Script script,
        String givenName,
        String familyName,
        String displayName,
        String legalName,
        List<String> emails,
        List<String> phones,
        List<String> tags,
        List<LocalDate> birthdays) {

    /** The script a generated customer's names are written in. */
    public enum Script {
        /** Latin letters with diacritics: German, French, Spanish, Polish, Czech, Nordic, Turkish … */
        LATIN,
        /** Cyrillic: Russian, Ukrainian, Serbian, Bulgarian. */
        CYRILLIC,
        /** Vietnamese: Latin letters with stacked tone marks. */
        VIETNAMESE,
        /** Chinese, Japanese (kanji and kana) and Korean (Hangul). */
        CJK
    }

    /** Checks the parts and copies the lists. */
    public CustomerSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(legalName, "legalName");
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
        birthdays = List.copyOf(birthdays);
        if (emails.isEmpty() || birthdays.size() > 1) {
            throw new IllegalArgumentException("a spec needs an e-mail and at most one birthday");
        }
    }

    /** The birthday, if known. */
    public Optional<LocalDate> birthday() {
        return birthdays.stream().findFirst();
    }

    /** A new draft of this customer, for {@code CustomerService.create}; each call makes a fresh one. */
    public CustomerDraft toDraft() {
        CustomerDraft draft = kind == CustomerKind.PERSON
                ? CustomerDraft.person(givenName, familyName)
                : CustomerDraft.organization(legalName);
        if (!displayName.isEmpty()) {
            draft.displayName(displayName);
        }
        for (String email : emails) {
            draft.email(email);
        }
        for (String phone : phones) {
            draft.phone(phone);
        }
        if (!tags.isEmpty()) {
            draft.tags(tags.toArray(String[]::new));
        }
        birthday().ifPresent(draft::birthday);
        return draft;
    }
}
