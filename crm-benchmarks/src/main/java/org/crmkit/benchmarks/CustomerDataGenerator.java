package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.crmkit.benchmarks.CustomerSpec.Script;
import org.crmkit.core.customer.CustomerDraft;
import org.crmkit.core.customer.CustomerKind;

/**
 * A seeded source of realistic customers for benchmarks: people and organisations named in Latin
 * with diacritics, Cyrillic, Vietnamese and CJK scripts, with one or two e-mail addresses, a phone
 * number for most, a birthday for half of the people, and tags.
 *
 * <p>The data is skewed the way CRM data is: a few family names are very common (Nguyễn, Kim, Wang,
 * Müller) and most are rare, a few tags ({@code newsletter}, {@code vip}, {@code b2b}) sit on a large
 * share of customers while most of the ~200 tags are rare (Zipf-distributed), and most customers
 * have zero to two tags.
 *
 * <p>Customer {@code i} depends only on the seed and {@code i}: {@link #spec(long)} may be called in
 * any order, from any thread, and gives the same customer every time. E-mail addresses and phone
 * numbers are unique across all indices {@code 0 <= i < MAX_CUSTOMERS} of one generator, also after
 * CRMKit's normalisation, so duplicate detection never rejects a generated customer: every e-mail
 * local part ends in {@code .<index>} (names hold no digits), and the nine-digit national number of
 * the phone is a bijective scramble of the index. Immutable and thread-safe.
 */
public final class CustomerDataGenerator {
    /** The number of indices whose customers have unique phone numbers. */
    public static final long MAX_CUSTOMERS = 900_000_000L;

    private static final long NATIONAL_NUMBERS = 900_000_000L;
    // coprime with NATIONAL_NUMBERS, so index -> index * PHONE_STRIDE + offset (mod NATIONAL_NUMBERS) is a bijection
    private static final long PHONE_STRIDE = 620_000_003L;

    private static final List<String> TAGS = tagVocabulary();
    private static final Seeds.Zipf TAG_POPULARITY = new Seeds.Zipf(TAGS.size(), 1.05);
    private static final double[] TAG_COUNT = {0.30, 0.30, 0.20, 0.10, 0.05, 0.03, 0.01, 0.01};

    private static final Culture[] CULTURES = {latin(), cyrillic(), vietnamese(), chinese(), japanese(), korean()};
    private static final double[] CULTURE_SHARE = {0.45, 0.20, 0.20, 0.07, 0.05, 0.03};

    private final long seed;

    /** A generator whose customers are determined by {@code seed}. */
    public CustomerDataGenerator(long seed) {
        this.seed = seed;
    }

    /** The seed this generator's customers are determined by. */
    public long seed() {
        return seed;
    }

    /**
     * Customer number {@code index}: the same for the same seed and index, every time.
     *
     * @throws IllegalArgumentException when {@code index} is negative or not below {@link #MAX_CUSTOMERS}
     */
    public CustomerSpec spec(long index) {
        if (index < 0 || index >= MAX_CUSTOMERS) {
            throw new IllegalArgumentException("index must be in [0, " + MAX_CUSTOMERS + "): " + index);
        }
        SplittableRandom random = Seeds.random(seed, index);
        Culture culture = CULTURES[Seeds.pick(random, CULTURE_SHARE)];
        String id = Long.toString(index);
        boolean organization = random.nextDouble() < 0.2;
        List<String> emails = new ArrayList<>(2);
        List<String> phones = new ArrayList<>(1);
        CustomerSpec spec;
        if (organization) {
            Culture.Org org = culture.organization(random);
            String domain = org.slug() + "." + pickOne(random, culture.tlds);
            String[] mailboxes = {"info", "contact", "office", "sales", "hello", "billing", "support"};
            int first = random.nextInt(mailboxes.length);
            emails.add(mailboxes[first] + "." + id + "@" + domain);
            if (random.nextDouble() < 0.4) {
                int second = (first + 1 + random.nextInt(mailboxes.length - 1)) % mailboxes.length;
                emails.add(mailboxes[second] + "." + id + "@" + domain);
            }
            if (random.nextDouble() < 0.95) {
                phones.add(phone(random, culture, index));
            }
            spec = new CustomerSpec(
                    index,
                    CustomerKind.ORGANIZATION,
                    culture.script,
                    "",
                    "",
                    "",
                    org.legalName(),
                    emails,
                    phones,
                    tags(random),
                    List.of());
        } else {
            Culture.Person person = culture.person(random);
            String given = person.givenAscii();
            String family = person.familyAscii();
            String local = switch (random.nextInt(4)) {
                case 0 -> given + "." + family;
                case 1 -> family + "." + given;
                case 2 -> given.charAt(0) + family;
                default -> given;
            };
            emails.add(local + "." + id + "@" + pickOne(random, culture.freemail));
            if (random.nextDouble() < 0.35) {
                Culture.Org employer = culture.organization(random);
                String work = given.charAt(0) + "." + family + "." + id + "@" + employer.slug() + "."
                        + pickOne(random, culture.tlds);
                if (!work.equalsIgnoreCase(emails.get(0))) {
                    emails.add(work);
                }
            }
            if (random.nextDouble() < 0.85) {
                phones.add(phone(random, culture, index));
            }
            List<LocalDate> birthday = random.nextBoolean()
                    ? List.of(LocalDate.of(1950 + random.nextInt(56), 1, 1).plusDays(random.nextInt(365)))
                    : List.of();
            spec = new CustomerSpec(
                    index,
                    CustomerKind.PERSON,
                    culture.script,
                    person.given(),
                    person.family(),
                    person.displayName(),
                    "",
                    emails,
                    phones,
                    tags(random),
                    birthday);
        }
        return spec;
    }

    /** A fresh draft of customer number {@code index}; shorthand for {@code spec(index).toDraft()}. */
    public CustomerDraft draft(long index) {
        return spec(index).toDraft();
    }

    /** Customers number {@code from} to {@code from + count - 1}, in order. */
    public Stream<CustomerSpec> specs(long from, long count) {
        return LongStream.range(from, from + count).mapToObj(this::spec);
    }

    /** The tag vocabulary, most popular first. */
    public static List<String> tagVocabulary() {
        List<String> tags = new ArrayList<>(List.of(
                "newsletter",
                "vip",
                "b2b",
                "retail",
                "web-lead",
                "wholesale",
                "partner",
                "trial",
                "referral",
                "churn-risk",
                "event-2024",
                "loyalty",
                "khách-sỉ",
                "đại-lý",
                "опт",
                "постоянный-клиент",
                "салон",
                "常客",
                "優良顧客",
                "도매",
                "stammkunde",
                "fidélité",
                "mayorista",
                "hurtownia"));
        for (String region : new String[] {
            "hanoi", "hcmc", "đà-nẵng", "москва", "спб", "київ", "београд", "sofia", "berlin", "münchen", "paris",
            "madrid", "kraków", "praha", "göteborg", "東京", "大阪", "서울", "부산", "上海", "北京", "深圳"
        }) {
            tags.add("region:" + region);
        }
        String[] topics = {
            "coffee",
            "tea",
            "wine",
            "yoga",
            "solar",
            "cars",
            "books",
            "travel",
            "fitness",
            "gaming",
            "skincare",
            "bikes",
            "pets",
            "garden",
            "photo",
            "music",
            "kids",
            "outdoor",
            "tools",
            "fashion"
        };
        for (String topic : topics) {
            for (String qualifier : new String[] {"interest", "buyer", "lead", "lost", "2023", "2024", "promo"}) {
                tags.add(topic + "-" + qualifier);
            }
        }
        return List.copyOf(tags);
    }

    private static List<String> tags(SplittableRandom random) {
        int count = Seeds.pick(random, TAG_COUNT);
        if (count == 0) {
            return List.of();
        }
        Set<String> drawn = new LinkedHashSet<>();
        while (drawn.size() < count) {
            drawn.add(TAGS.get(TAG_POPULARITY.sample(random)));
        }
        return List.copyOf(drawn);
    }

    private String phone(SplittableRandom random, Culture culture, long index) {
        String country = pickOne(random, culture.callingCodes);
        long national = 100_000_000L
                + (index * PHONE_STRIDE + Math.floorMod(Seeds.mix64(seed), NATIONAL_NUMBERS)) % NATIONAL_NUMBERS;
        String n = Long.toString(national); // always nine digits, so numbers of different countries never meet
        String a = n.substring(0, 3);
        String b = n.substring(3, 6);
        String c = n.substring(6);
        return switch (random.nextInt(6)) {
            case 0 -> "+" + country + " " + a + " " + b + " " + c;
            case 1 -> "+" + country + " (" + a + ") " + b + "-" + c;
            case 2 -> "00" + country + " " + n;
            case 3 -> "+" + country + "-" + a + "-" + b + "-" + c;
            case 4 -> "+" + country + " " + a + " " + b + " " + c + " ext. " + (1 + random.nextInt(99));
            default -> "+" + country + n;
        };
    }

    private static String pickOne(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A name as written and as its ASCII form in e-mail addresses and domains. */
    private record Name(String text, String ascii) {}

    /** Names drawn with Zipf skew: the first is the most common. */
    private record Pool(Name[] names, Seeds.Zipf zipf) {
        static Pool of(double skew, String entries) {
            Name[] names = Arrays.stream(entries.split("\\|"))
                    .map(e -> {
                        int colon = e.lastIndexOf(':');
                        return new Name(e.substring(0, colon), e.substring(colon + 1));
                    })
                    .toArray(Name[]::new);
            return new Pool(names, new Seeds.Zipf(names.length, skew));
        }

        Name pick(SplittableRandom random) {
            return names[zipf.sample(random)];
        }
    }

    /** How one culture names people and organisations, and its phone and e-mail conventions. */
    private static final class Culture {
        enum Order {
            /** Given name first, full name shown: Latin scripts. */
            GIVEN_FIRST,
            /** Family name first with a space: Vietnamese, and some Cyrillic records. */
            FAMILY_FIRST_SPACED,
            /** Family name first without a space: Chinese, Japanese, Korean. */
            FAMILY_FIRST_JOINED
        }

        final Script script;
        final Order order;
        final Pool maleGiven;
        final Pool femaleGiven;
        final double twoSyllableGiven;
        final Pool family;
        final double doubleFamily;
        final Pool orgWords;
        final String[] orgForms;
        final String[] callingCodes;
        final String[] freemail;
        final String[] tlds;

        Culture(
                Script script,
                Order order,
                Pool maleGiven,
                Pool femaleGiven,
                double twoSyllableGiven,
                Pool family,
                double doubleFamily,
                Pool orgWords,
                String[] orgForms,
                String[] callingCodes,
                String[] freemail,
                String[] tlds) {
            this.script = script;
            this.order = order;
            this.maleGiven = maleGiven;
            this.femaleGiven = femaleGiven;
            this.twoSyllableGiven = twoSyllableGiven;
            this.family = family;
            this.doubleFamily = doubleFamily;
            this.orgWords = orgWords;
            this.orgForms = orgForms;
            this.callingCodes = callingCodes;
            this.freemail = freemail;
            this.tlds = tlds;
        }

        record Person(String given, String family, String displayName, String givenAscii, String familyAscii) {}

        record Org(String legalName, String slug) {}

        Person person(SplittableRandom random) {
            boolean female = random.nextBoolean();
            Name given = (female ? femaleGiven : maleGiven).pick(random);
            String givenText = given.text();
            String givenAscii = given.ascii();
            if (random.nextDouble() < twoSyllableGiven) {
                Name second = (female ? femaleGiven : maleGiven).pick(random);
                givenText += second.text();
                givenAscii += second.ascii();
            }
            Name familyName = family.pick(random);
            String familyText = familyName.text();
            String familyAscii = familyName.ascii();
            if (script == Script.CYRILLIC && female) {
                familyText = feminine(familyText);
                familyAscii = feminineAscii(familyName.ascii(), familyName.text());
            }
            if (random.nextDouble() < doubleFamily) {
                Name second = family.pick(random);
                if (!second.equals(familyName)) {
                    familyText += (script == Script.LATIN && random.nextBoolean() ? "-" : " ") + second.text();
                    familyAscii += second.ascii();
                }
            }
            String display = switch (order) {
                case GIVEN_FIRST ->
                    script == Script.CYRILLIC && random.nextDouble() < 0.25 ? familyText + " " + givenText : "";
                case FAMILY_FIRST_SPACED -> familyText + " " + givenText;
                case FAMILY_FIRST_JOINED -> familyText + givenText;
            };
            return new Person(givenText, familyText, display, givenAscii, familyAscii);
        }

        Org organization(SplittableRandom random) {
            String form = orgForms[random.nextInt(orgForms.length)];
            Name word = orgWords.pick(random);
            Name owner = family.pick(random);
            String legal = form.replace("{F}", owner.text()).replace("{W}", word.text());
            return new Org(legal, form.contains("{W}") ? word.ascii() : owner.ascii());
        }

        private static String feminine(String family) {
            if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ин") || family.endsWith("ёв")) {
                return family + "а";
            }
            if (family.endsWith("ий")) {
                return family.substring(0, family.length() - 2) + "ая";
            }
            return family; // -енко, -ук, -ић and the like are the same for everyone
        }

        private static String feminineAscii(String ascii, String family) {
            if (family.endsWith("ов") || family.endsWith("ев") || family.endsWith("ин") || family.endsWith("ёв")) {
                return ascii + "a";
            }
            if (family.endsWith("ий")) {
                return ascii.substring(0, ascii.length() - 1) + "aya";
            }
            return ascii;
        }
    }

    private static Culture latin() {
        return new Culture(
                Script.LATIN,
                Culture.Order.GIVEN_FIRST,
                Pool.of(
                        0.8,
                        "Thomas:thomas|José:jose|Jan:jan|Peter:peter|François:francois|Łukasz:lukasz|Jürgen:juergen"
                                + "|Luca:luca|Søren:soeren|Miloš:milos|Björn:bjoern|Tomáš:tomas|Ólafur:olafur|Paul:paul"
                                + "|Noah:noah|Jean-Pierre:jeanpierre|Mehmet:mehmet|Álvaro:alvaro|Grzegorz:grzegorz"
                                + "|Henrik:henrik|Matthäus:matthaeus|Zoltán:zoltan|Joël:joel|Raphaël:raphael"),
                Pool.of(
                        0.8,
                        "Anna:anna|María:maria|Laura:laura|Marie:marie|Sofia:sofia|Emma:emma|Zoë:zoe|Ágnes:agnes"
                                + "|Małgorzata:malgorzata|Inès:ines|Renée:renee|Çağla:cagla|Siobhán:siobhan|Dóra:dora"
                                + "|Eva:eva|Léa:lea|Åsa:asa|Kateřina:katerina|Lucía:lucia|Hélène:helene|Zsófia:zsofia"
                                + "|Jördis:joerdis|Chloé:chloe"),
                0.0,
                Pool.of(
                        0.9,
                        "Müller:mueller|García:garcia|Nowak:nowak|Martínez:martinez|Schmidt:schmidt|Rossi:rossi"
                                + "|Dubois:dubois|Novák:novak|Fernández:fernandez|Nagy:nagy|Kowalczyk:kowalczyk"
                                + "|Schröder:schroeder|Jørgensen:joergensen|González:gonzalez|Horváth:horvath"
                                + "|Lefèvre:lefevre|Yılmaz:yilmaz|Dvořák:dvorak|Šimić:simic|Weiß:weiss|Silva:silva"
                                + "|Santos:santos|Kovačević:kovacevic|Björklund:bjoerklund|Lindqvist:lindqvist"
                                + "|O'Connor:oconnor|van der Berg:vanderberg|Ó Briain:obriain|Øvergård:oevergaard"
                                + "|Wiśniewski:wisniewski|Fischer:fischer|Moreau:moreau|Černý:cerny|Jansen:jansen"
                                + "|Papadopoulos:papadopoulos|Ferreira:ferreira|López:lopez|Bianchi:bianchi"
                                + "|Łęcki:lecki|Żółkiewski:zolkiewski"),
                0.15,
                Pool.of(
                        0.7,
                        "Nordlicht:nordlicht|Sonnenberg:sonnenberg|Lumière:lumiere|Hierro:hierro|Żuraw:zuraw"
                                + "|Bílá Hora:bilahora|Solvang:solvang|Águila:aguila|Grünwald:gruenwald"
                                + "|Étoile:etoile|Krone:krone|Azul:azul|Érable:erable|Weißdorn:weissdorn"),
                new String[] {
                    "{F} & Söhne GmbH",
                    "{W} GmbH",
                    "{W} S.A.",
                    "Établissements {F} SARL",
                    "{W} Sp. z o.o.",
                    "{W} s.r.o.",
                    "{F} AB",
                    "{W} Ltd.",
                    "{F} e Hijos S.L.",
                    "Café {W}"
                },
                new String[] {
                    "49", "33", "34", "48", "420", "46", "36", "90", "353", "31", "351", "39", "45", "47", "43"
                },
                new String[] {
                    "gmail.com",
                    "outlook.com",
                    "gmx.de",
                    "web.de",
                    "orange.fr",
                    "libero.it",
                    "wp.pl",
                    "seznam.cz",
                    "yahoo.es",
                    "icloud.com"
                },
                new String[] {"de", "fr", "es", "pl", "cz", "se", "com", "eu", "it", "nl"});
    }

    private static Culture cyrillic() {
        return new Culture(
                Script.CYRILLIC,
                Culture.Order.GIVEN_FIRST,
                Pool.of(
                        0.8,
                        "Александр:aleksandr|Дмитрий:dmitriy|Сергей:sergey|Иван:ivan|Алексей:aleksey|Андрій:andriy"
                                + "|Михаил:mikhail|Юрий:yuriy|Фёдор:fedor|Ђорђе:djordje|Георги:georgi|Николай:nikolay"
                                + "|Владимир:vladimir|Тарас:taras|Милош:milosh|Пётр:petr|Евгений:evgeniy"),
                Pool.of(
                        0.8,
                        "Анна:anna|Елена:elena|Мария:mariya|Ольга:olga|Наталья:natalya|Татьяна:tatyana"
                                + "|Екатерина:ekaterina|Олена:olena|Ксения:kseniya|Милица:milica|Ирина:irina"
                                + "|Светлана:svetlana|Юлия:yuliya|Дарья:darya|Оксана:oksana|Йорданка:yordanka"),
                0.0,
                Pool.of(
                        0.9,
                        "Иванов:ivanov|Смирнов:smirnov|Кузнецов:kuznetsov|Попов:popov|Шевченко:shevchenko"
                                + "|Соколов:sokolov|Лебедев:lebedev|Коваленко:kovalenko|Петровић:petrovic"
                                + "|Јовановић:jovanovic|Георгиев:georgiev|Волков:volkov|Морозов:morozov"
                                + "|Новиков:novikov|Фёдоров:fedorov|Бондаренко:bondarenko|Ткаченко:tkachenko"
                                + "|Щербаков:shcherbakov|Достоевский:dostoevskiy|Ильин:ilin|Мельник:melnyk"
                                + "|Кравчук:kravchuk|Николић:nikolic|Димитров:dimitrov|Зайцев:zaytsev"),
                0.0,
                Pool.of(
                        0.7,
                        "Ромашка:romashka|Вектор:vektor|Сибирь:sibir|Альфа:alfa|Заря:zarya|Север:sever"
                                + "|Днепр:dnepr|Балкан:balkan|Восход:voskhod|Уралсталь:uralstal"),
                new String[] {"ООО «{W}»", "АО «{W}»", "ТОВ «{W}»", "ИП {F}", "{F} и партнёры", "ПАО «{W}»"},
                new String[] {"7", "7", "7", "380", "381", "359", "375"},
                new String[] {"yandex.ru", "mail.ru", "ukr.net", "gmail.com", "abv.bg", "rambler.ru", "bk.ru"},
                new String[] {"ru", "ua", "rs", "bg", "by", "com"});
    }

    private static Culture vietnamese() {
        return new Culture(
                Script.VIETNAMESE,
                Culture.Order.FAMILY_FIRST_SPACED,
                Pool.of(
                        0.7,
                        "Văn An:van.an|Minh Tuấn:minh.tuan|Quốc Bảo:quoc.bao|Đức Anh:duc.anh|Hoàng Long:hoang.long"
                                + "|Văn Hùng:van.hung|Gia Huy:gia.huy|Tiến Dũng:tien.dung|Thành Đạt:thanh.dat"
                                + "|Hữu Phước:huu.phuoc|Quang Vinh:quang.vinh|Trọng Nghĩa:trong.nghia|Xuân Trường:xuan.truong"),
                Pool.of(
                        0.7,
                        "Thị Ngọc:thi.ngoc|Thị Hương:thi.huong|Thanh Hằng:thanh.hang|Thị Lan:thi.lan"
                                + "|Ngọc Ánh:ngoc.anh|Thu Trang:thu.trang|Minh Châu:minh.chau|Khánh Linh:khanh.linh"
                                + "|Thùy Dương:thuy.duong|Bảo Ngọc:bao.ngoc|Mỹ Duyên:my.duyen|Phương Thảo:phuong.thao"),
                0.0,
                // Nguyễn is the family name of about 38% of Vietnamese
                Pool.of(
                        1.6,
                        "Nguyễn:nguyen|Trần:tran|Lê:le|Phạm:pham|Hoàng:hoang|Huỳnh:huynh|Phan:phan|Vũ:vu|Võ:vo"
                                + "|Đặng:dang|Bùi:bui|Đỗ:do|Hồ:ho|Ngô:ngo|Dương:duong|Lý:ly"),
                0.0,
                Pool.of(
                        0.7,
                        "Hoàng Long:hoanglong|Phú Thái:phuthai|Sao Mai:saomai|Minh Phát:minhphat"
                                + "|Thành Công:thanhcong|Việt Tiến:viettien|Đông Á:donga|Bình Minh:binhminh"
                                + "|Hưng Thịnh:hungthinh|Ánh Dương:anhduong"),
                new String[] {
                    "Công ty TNHH {W}",
                    "Công ty Cổ phần {W}",
                    "Công ty TNHH Thương mại {W}",
                    "Doanh nghiệp tư nhân {W}",
                    "Hộ kinh doanh {F} {W}"
                },
                new String[] {"84"},
                new String[] {"gmail.com", "yahoo.com.vn", "outlook.com", "icloud.com"},
                new String[] {"vn", "com.vn", "com"});
    }

    private static Culture chinese() {
        return new Culture(
                Script.CJK,
                Culture.Order.FAMILY_FIRST_JOINED,
                Pool.of(
                        0.6,
                        "伟:wei|强:qiang|磊:lei|军:jun|洋:yang|勇:yong|杰:jie|涛:tao|明:ming|超:chao|浩:hao|宇:yu"
                                + "|建:jian|国:guo|华:hua|鹏:peng"),
                Pool.of(
                        0.6,
                        "芳:fang|娜:na|敏:min|静:jing|丽:li|艳:yan|秀:xiu|英:ying|霞:xia|燕:yan|玲:ling|婷:ting"
                                + "|雪:xue|慧:hui|琳:lin|萍:ping"),
                0.7,
                Pool.of(
                        1.0,
                        "王:wang|李:li|张:zhang|刘:liu|陈:chen|杨:yang|黄:huang|赵:zhao|吴:wu|周:zhou|徐:xu"
                                + "|孙:sun|马:ma|朱:zhu|胡:hu|郭:guo|何:he|林:lin|罗:luo|高:gao|欧阳:ouyang"),
                0.0,
                Pool.of(
                        0.7,
                        "华美:huamei|长城:changcheng|东方:dongfang|金龙:jinlong|海天:haitian|新世纪:xinshiji"
                                + "|宏达:hongda|天成:tiancheng"),
                new String[] {"{W}贸易有限公司", "上海{W}科技有限公司", "深圳市{W}电子有限公司", "{W}集团股份有限公司"},
                new String[] {"86"},
                new String[] {"qq.com", "163.com", "126.com", "sina.com", "foxmail.com"},
                new String[] {"cn", "com.cn", "com"});
    }

    private static Culture japanese() {
        return new Culture(
                Script.CJK,
                Culture.Order.FAMILY_FIRST_JOINED,
                Pool.of(
                        0.7,
                        "陽翔:haruto|蓮:ren|健太:kenta|大輝:daiki|翔太:shota|拓海:takumi|悠真:yuma|湊:minato"
                                + "|誠:makoto|隆:takashi"),
                Pool.of(
                        0.7,
                        "結衣:yui|さくら:sakura|美咲:misaki|陽菜:hina|葵:aoi|凛:rin|花子:hanako|愛:ai" + "|由美子:yumiko|めぐみ:megumi"),
                0.0,
                Pool.of(
                        0.9,
                        "佐藤:sato|鈴木:suzuki|高橋:takahashi|田中:tanaka|渡辺:watanabe|伊藤:ito|山本:yamamoto"
                                + "|中村:nakamura|小林:kobayashi|加藤:kato|吉田:yoshida|山田:yamada|佐々木:sasaki"
                                + "|松本:matsumoto|井上:inoue|木村:kimura"),
                0.0,
                Pool.of(0.7, "山田:yamada|日本橋:nihonbashi|富士:fuji|桜:sakura|大和:yamato|三河:mikawa|青葉:aoba" + "|みどり:midori"),
                new String[] {"株式会社{W}", "{W}株式会社", "{W}商事株式会社", "有限会社{W}", "{F}工務店"},
                new String[] {"81"},
                new String[] {"yahoo.co.jp", "docomo.ne.jp", "gmail.com", "ezweb.ne.jp", "icloud.com"},
                new String[] {"co.jp", "jp", "com"});
    }

    private static Culture korean() {
        return new Culture(
                Script.CJK,
                Culture.Order.FAMILY_FIRST_JOINED,
                Pool.of(0.5, "민:min|준:jun|지:ji|훈:hun|서:seo|도:do|현:hyeon|우:u|성:seong|재:jae|진:jin|호:ho"),
                Pool.of(0.5, "서:seo|연:yeon|하:ha|은:eun|지:ji|유:yu|수:su|민:min|아:a|윤:yun|예:ye|희:hui"),
                0.95,
                // Kim, Lee and Park are the family names of about 45% of Koreans
                Pool.of(
                        1.3,
                        "김:kim|이:lee|박:park|최:choi|정:jung|강:kang|조:cho|윤:yoon|장:jang|임:lim|한:han"
                                + "|오:oh|서:seo|신:shin|권:kwon|황:hwang|남궁:namgung"),
                0.0,
                Pool.of(0.7, "한빛:hanbit|대한:daehan|미래:mirae|새롬:saerom|푸른:pureun|동방:dongbang|한결:hangyeol"),
                new String[] {"(주){W}", "주식회사 {W}", "{W} 무역", "{W}상사"},
                new String[] {"82"},
                new String[] {"naver.com", "daum.net", "gmail.com", "kakao.com", "hanmail.net"},
                new String[] {"co.kr", "kr", "com"});
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CustomerDataGenerator[seed=%d]", seed);
    }
}
