package org.crmkit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.Interaction;
import org.crmkit.core.interaction.InteractionDraft;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.interaction.InteractionLink;
import org.crmkit.core.interaction.LinkKind;
import org.crmkit.core.interaction.Participant;
import org.crmkit.core.interaction.ParticipantRole;

/**
 * A seeded source of realistic interaction histories for benchmarks: calls, e-mails, chats,
 * meetings and the rest between one tenant and its customers over the five years from {@link
 * #START} to {@link #END}, in the order they occurred.
 *
 * <p>The history is skewed the way CRM data is. Optionally a few <em>heavy</em> customers (key
 * accounts, a busy reseller) have exactly {@code perHeavyCustomer} interactions each, in which they
 * are the primary participant. The other interactions go to the other customers in proportion to a
 * log-normal weight per customer (σ = 1.2: a median customer has half the mean, one in a hundred
 * eight times it, some none at all), capped at half a heavy customer's count. Occurrence times are
 * uniform over the five years. E-mail (30%) and phone (25%) lead the channels, then WhatsApp, live
 * chat, SMS, meetings, web forms and the rest; each channel has its own share of inbound contact,
 * durations (calls of minutes, meetings of an hour, none for messages), subjects, outcomes and costs.
 * About 7.5% of interactions have a second participant (an attendee of a meeting, a copy of an
 * e-mail), never a heavy customer, so a heavy customer's count stays exact. About 5% are linked to a
 * campaign, an opportunity or a request; three quarters carry the external id of the system they came
 * from (PBX, mail server, messenger), unique across the history; those are recorded by a system
 * actor seconds after they ended, the others by the staff member up to two days later.
 *
 * <p>In a history with corrections, 0.2% of the interactions are corrections: each supersedes its
 * primary customer's latest interaction before it that is not a correction and not yet superseded,
 * keeps its channel, time, participants and links, and gives a new outcome and summary; it is recorded
 * by staff when it comes in the order.
 *
 * <p>Interaction {@code k} depends only on the seed, the customers and the shape: {@link
 * #interaction(int)} may be called in any order and gives the same interaction every time. Ids are
 * version-7 UUIDs of the recording time whose low bits hold {@code k}, so they never collide.
 * Building a generator sorts one {@code long} per interaction (80 MB for 10M); after that it is
 * immutable and thread-safe.
 */
public final class InteractionDataGenerator {
    /** The earliest time an interaction occurs at. */
    public static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    /** The end (exclusive) of the times interactions occur at. */
    public static final Instant END = Instant.parse("2025-01-01T00:00:00Z");
    /** The share of a history's interactions that are corrections, when it has them. */
    public static final double CORRECTION_SHARE = 0.002;

    private static final long SPAN_SECONDS = Duration.between(START, END).toSeconds();
    private static final int CUSTOMER_BITS = 20;
    private static final int TIE_BITS = 15;
    private static final int MAX_CUSTOMERS = 1 << CUSTOMER_BITS;
    private static final double WEIGHT_SIGMA = 1.2;

    private static final Channel[] CHANNELS = {
        Channel.EMAIL, Channel.PHONE, Channel.WHATSAPP, Channel.LIVE_CHAT, Channel.SMS, Channel.MEETING,
        Channel.WEB_FORM, Channel.SOCIAL, Channel.TELEGRAM, Channel.VIBER, Channel.VISIT, Channel.POST,
        Channel.OTHER_MESSENGER
    };
    private static final double[] CHANNEL_SHARE = {
        0.30, 0.25, 0.10, 0.07, 0.06, 0.05, 0.05, 0.04, 0.03, 0.02, 0.01, 0.01, 0.01
    };
    private static final String[] SUBJECTS = {
        "Delivery date", "Invoice question", "Offer follow-up", "Contract renewal", "Price list 2024",
        "Complaint about order", "Meeting notes", "Quarterly review", "Password reset", "Return label",
        "Angebot Nr. 4711", "Lieferung verspätet", "Счёт на оплату", "Повторный заказ", "Báo giá sản phẩm",
        "Hỗ trợ kỹ thuật", "見積もりのお願い", "배송 문의", "Demande de rappel", "Presupuesto anual"
    };
    private static final String[] WORDS = {
        "customer",
        "asked",
        "about",
        "the",
        "delivery",
        "of",
        "order",
        "invoice",
        "price",
        "discount",
        "next",
        "week",
        "call",
        "back",
        "sent",
        "offer",
        "contract",
        "signed",
        "meeting",
        "agreed",
        "on",
        "new",
        "terms",
        "product",
        "sample",
        "support",
        "ticket",
        "resolved",
        "payment",
        "received",
        "reminder",
        "warehouse",
        "Lieferung",
        "Rechnung",
        "заказ",
        "оплата",
        "giao",
        "hàng",
        "thanh",
        "toán",
        "確認",
        "納期"
    };
    private static final String[] CALL_OUTCOMES = {"answered", "no-answer", "voicemail", "callback-requested", "busy"};
    private static final String[] MESSAGE_OUTCOMES = {"replied", "read", "delivered"};
    private static final String[] MEETING_OUTCOMES = {"held", "rescheduled", "offer-requested"};
    private static final Money SMS_COST = Money.of("0.07", "EUR");
    private static final Money POST_COST = Money.of("0.95", "EUR");
    private static final int STAFF = 200;
    private static final int CAMPAIGNS = 40;

    private final long seed;
    private final TenantId tenant;
    private final CustomerId[] customers;
    private final boolean[] heavy;
    private final List<CustomerId> heavyCustomers;
    private final boolean[] hasInteractions;
    private final long[] keys;
    private final int[] correctionPositions;
    private final int[] originals;
    private final UUID[] campaigns;

    private InteractionDataGenerator(
            long seed,
            TenantId tenant,
            List<CustomerId> customers,
            int interactions,
            int heavyCustomers,
            int perHeavyCustomer,
            double correctionShare) {
        if (customers.size() < 2 || customers.size() > MAX_CUSTOMERS) {
            throw new IllegalArgumentException("needs 2 to " + MAX_CUSTOMERS + " customers, got " + customers.size());
        }
        long heavyTotal = (long) heavyCustomers * perHeavyCustomer;
        if (heavyCustomers < 0
                || heavyCustomers >= customers.size()
                || perHeavyCustomer < 0
                || heavyTotal > interactions) {
            throw new IllegalArgumentException(heavyCustomers + " heavy customers with " + perHeavyCustomer
                    + " interactions each do not fit " + interactions + " interactions of " + customers.size()
                    + " customers");
        }
        this.seed = seed;
        this.tenant = tenant;
        this.customers = customers.toArray(CustomerId[]::new);
        int n = this.customers.length;
        SplittableRandom random = new SplittableRandom(Seeds.mix64(seed));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates: which customers are heavy
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        this.heavy = new boolean[n];
        List<CustomerId> heavyList = new ArrayList<>(heavyCustomers);
        for (int i = 0; i < heavyCustomers; i++) {
            heavy[order[i]] = true;
            heavyList.add(this.customers[order[i]]);
        }
        this.heavyCustomers = List.copyOf(heavyList);
        int[] counts = counts(random, heavyCustomers, perHeavyCustomer, interactions, order);
        this.hasInteractions = new boolean[n];
        this.keys = new long[interactions];
        int next = 0;
        for (int c = 0; c < n; c++) {
            hasInteractions[c] = counts[c] > 0;
            SplittableRandom times = new SplittableRandom(Seeds.mix64(seed * 31 + c));
            for (int j = 0; j < counts[c]; j++) {
                keys[next++] = (times.nextLong(SPAN_SECONDS) << (CUSTOMER_BITS + TIE_BITS))
                        | ((long) c << TIE_BITS)
                        | times.nextInt(1 << TIE_BITS);
            }
        }
        Arrays.sort(keys);
        // corrections: each supersedes its customer's latest interaction not yet superseded or a correction
        int[] latest = new int[n];
        Arrays.fill(latest, -1);
        int[] positions = new int[Math.max(16, (int) (interactions * correctionShare * 2))];
        int[] of = new int[positions.length];
        int corrections = 0;
        long threshold = (long) (correctionShare * (1L << 53));
        for (int k = 0; k < interactions; k++) {
            int c = customerRank(k);
            if (latest[c] >= 0 && (Seeds.mix64(seed ^ 0x5DEECE66DL ^ (k * 0x9E3779B97F4A7C15L)) >>> 11) < threshold) {
                if (corrections == positions.length) {
                    positions = Arrays.copyOf(positions, corrections * 2);
                    of = Arrays.copyOf(of, corrections * 2);
                }
                positions[corrections] = k;
                of[corrections++] = latest[c];
                latest[c] = -1;
            } else {
                latest[c] = k;
            }
        }
        this.correctionPositions = Arrays.copyOf(positions, corrections);
        this.originals = Arrays.copyOf(of, corrections);
        this.campaigns = new UUID[CAMPAIGNS];
        for (int i = 0; i < CAMPAIGNS; i++) {
            campaigns[i] = new UUID(Seeds.mix64(seed + 1000 + i), Seeds.mix64(seed + 2000 + i));
        }
    }

    /**
     * A history of {@code interactions} interactions of {@code customers} (their position in the
     * list is their rank) in which {@code heavyCustomers} seeded-random customers have exactly {@code
     * perHeavyCustomer} each, with {@value #CORRECTION_SHARE} of them corrections.
     *
     * @throws IllegalArgumentException when the heavy customers' interactions exceed {@code
     *     interactions}, or there are fewer than 2 or more than 2<sup>20</sup> customers
     */
    public static InteractionDataGenerator history(
            long seed,
            TenantId tenant,
            List<CustomerId> customers,
            int interactions,
            int heavyCustomers,
            int perHeavyCustomer) {
        return new InteractionDataGenerator(
                seed, tenant, customers, interactions, heavyCustomers, perHeavyCustomer, CORRECTION_SHARE);
    }

    /**
     * A stream of {@code interactions} new interactions of {@code customers}, as a host would log
     * them: no heavy customers, no corrections.
     */
    public static InteractionDataGenerator stream(
            long seed, TenantId tenant, List<CustomerId> customers, int interactions) {
        return new InteractionDataGenerator(seed, tenant, customers, interactions, 0, 0, 0);
    }

    /** How many interactions the history holds. */
    public int size() {
        return keys.length;
    }

    /** The heavy customers, in the order they were drawn. */
    public List<CustomerId> heavyCustomers() {
        return heavyCustomers;
    }

    /** How many of the interactions are corrections. */
    public int corrections() {
        return correctionPositions.length;
    }

    /** The position of the {@code i}-th correction, in order of occurrence in the history. */
    public int correctionPosition(int i) {
        return correctionPositions[i];
    }

    /** The customer with rank {@code rank}, as given. */
    public CustomerId customer(int rank) {
        return customers[rank];
    }

    /** Whether the customer with rank {@code rank} is the primary participant of any interaction. */
    public boolean hasInteractions(int rank) {
        return hasInteractions[rank];
    }

    /** The rank of the primary customer of interaction {@code position}. */
    public int customerRank(int position) {
        return (int) ((keys[position] >>> TIE_BITS) & (MAX_CUSTOMERS - 1));
    }

    /**
     * Interaction {@code position} (0-based, in order of the history): the same every time.
     *
     * @throws IndexOutOfBoundsException when {@code position} is not below {@link #size()}
     */
    public Interaction interaction(int position) {
        int correction = Arrays.binarySearch(correctionPositions, position);
        if (correction >= 0) {
            return correction(position, interaction(originals[correction]));
        }
        SplittableRandom random = random(position);
        Instant occurredAt = occurredAt(position, random);
        int rank = customerRank(position);
        Channel channel = CHANNELS[Seeds.pick(random, CHANNEL_SHARE)];
        Direction direction = random.nextDouble() < inboundShare(channel) ? Direction.INBOUND : Direction.OUTBOUND;
        Duration duration = duration(channel, random);
        List<Participant> participants = new ArrayList<>(2);
        participants.add(Participant.primary(customers[rank]));
        if (random.nextDouble() < secondParticipantShare(channel)) {
            int other = otherCustomer(random, rank);
            if (other >= 0) {
                ParticipantRole role = channel == Channel.EMAIL ? ParticipantRole.CC : ParticipantRole.ATTENDEE;
                participants.add(Participant.of(customers[other], role));
            }
        }
        StaffId staff = random.nextDouble() < 0.85 ? StaffId.of("agent-" + (1 + random.nextInt(STAFF))) : null;
        String subject = random.nextDouble() < subjectShare(channel) ? SUBJECTS[random.nextInt(SUBJECTS.length)] : null;
        String summary = random.nextDouble() < 0.35 ? sentence(random, 8 + random.nextInt(50)) : null;
        String outcome = outcome(channel, random);
        Money cost = cost(channel, direction, duration, random);
        List<InteractionLink> links = links(random);
        String source = source(channel);
        String externalId = source != null && random.nextDouble() < externalIdShare(channel)
                ? source + ":" + Long.toHexString(Seeds.mix64(seed ^ position) >>> 16) + "." + position
                : null;
        Instant recordedAt;
        Actor recordedBy;
        if (externalId != null) {
            recordedAt = occurredAt.plus(duration).plusMillis(500 + random.nextInt(120_000));
            recordedBy = Actor.system(source + "-sync");
        } else {
            recordedAt = occurredAt.plus(duration).plusSeconds(30 + random.nextInt(2 * 86_400));
            recordedBy = Actor.user(staff != null ? staff.value() : "agent-" + (1 + random.nextInt(STAFF)));
        }
        recordedAt = Seeds.micros(recordedAt);
        return Interaction.builder(
                        new InteractionId(Seeds.uuid7(recordedAt, random, position)),
                        tenant,
                        channel,
                        direction,
                        occurredAt,
                        recordedAt,
                        recordedBy)
                .duration(duration)
                .staff(staff)
                .subject(subject)
                .summary(summary)
                .outcome(outcome)
                .cost(cost)
                .participants(participants)
                .links(links)
                .externalId(externalId)
                .build();
    }

    /**
     * The draft a host would log for interaction {@code position}: all it says but id, recording and
     * the interaction it supersedes.
     */
    public InteractionDraft draft(int position) {
        Interaction i = interaction(position);
        InteractionDraft draft = InteractionDraft.of(i.channel(), i.direction(), i.occurredAt())
                .participants(i.participants())
                .duration(i.duration());
        i.staff().ifPresent(draft::staff);
        i.subject().ifPresent(draft::subject);
        i.summary().ifPresent(draft::summary);
        i.outcome().ifPresent(draft::outcome);
        i.cost().ifPresent(draft::cost);
        i.links().forEach(draft::link);
        i.externalId().ifPresent(draft::externalId);
        return draft;
    }

    private Interaction correction(int position, Interaction original) {
        SplittableRandom random = random(position);
        Instant recordedAt = Seeds.micros(occurredAt(position, random).plusSeconds(60 + random.nextInt(86_400)));
        String staff = "agent-" + (1 + random.nextInt(STAFF));
        return Interaction.builder(
                        new InteractionId(Seeds.uuid7(recordedAt, random, position)),
                        tenant,
                        original.channel(),
                        original.direction(),
                        original.occurredAt(),
                        recordedAt,
                        Actor.user(staff))
                .duration(original.duration())
                .staff(original.staff().orElse(null))
                .subject(original.subject().orElse(null))
                .summary("Corrected: " + sentence(random, 6 + random.nextInt(20)))
                .outcome("corrected")
                .cost(original.cost().orElse(null))
                .participants(original.participants())
                .links(original.links())
                .supersedes(original.id())
                .build();
    }

    private SplittableRandom random(int position) {
        return Seeds.random(seed, position);
    }

    private Instant occurredAt(int position, SplittableRandom random) {
        long second = keys[position] >>> (CUSTOMER_BITS + TIE_BITS);
        return START.plusSeconds(second).plusNanos(random.nextInt(1_000_000) * 1000L);
    }

    /** A customer other than {@code rank} and not heavy, or -1 when a few draws found none. */
    private int otherCustomer(SplittableRandom random, int rank) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int other = random.nextInt(customers.length);
            if (other != rank && !heavy[other]) {
                return other;
            }
        }
        return -1;
    }

    /**
     * How many interactions each customer rank is the primary participant of: {@code perHeavy} for
     * the heavy ones, the rest in proportion to a log-normal weight, capped.
     */
    private int[] counts(SplittableRandom random, int heavyCustomers, int perHeavy, int interactions, int[] order) {
        int n = customers.length;
        int[] counts = new int[n];
        double[] weights = new double[n];
        double total = 0;
        for (int c = 0; c < n; c++) {
            if (heavy[c]) {
                counts[c] = perHeavy;
            } else {
                weights[c] = Math.exp(WEIGHT_SIGMA * random.nextGaussian());
                total += weights[c];
            }
        }
        long rest = interactions - (long) heavyCustomers * perHeavy;
        int cap = perHeavy > 1 ? perHeavy / 2 : Integer.MAX_VALUE;
        if ((long) cap * (n - heavyCustomers) < rest) {
            throw new IllegalArgumentException(rest + " interactions do not fit " + (n - heavyCustomers)
                    + " customers of at most " + cap + " each (half a heavy customer's)");
        }
        long given = 0;
        for (int c = 0; c < n; c++) {
            if (!heavy[c]) {
                counts[c] = (int) Math.min(cap, Math.floor(weights[c] / total * rest));
                given += counts[c];
            }
        }
        // what rounding and the cap left over goes one by one to the others, in the shuffled order
        for (int i = heavyCustomers; given < rest; i = i + 1 < n ? i + 1 : heavyCustomers) {
            int c = order[i];
            if (counts[c] < cap) {
                counts[c]++;
                given++;
            }
        }
        return counts;
    }

    private static double inboundShare(Channel channel) {
        return switch (channel) {
            case WEB_FORM -> 1.0;
            case POST -> 0.2;
            case MEETING, VISIT -> 0.3;
            case SMS -> 0.25;
            case PHONE -> 0.55;
            default -> 0.5;
        };
    }

    private static Duration duration(Channel channel, SplittableRandom random) {
        return switch (channel) {
            case PHONE -> Duration.ofMillis((long) (180_000 * Math.exp(0.8 * random.nextGaussian())));
            case MEETING, VISIT -> Duration.ofMinutes(15L * (1 + random.nextInt(8)));
            case LIVE_CHAT -> Duration.ofSeconds(60 + random.nextInt(900));
            default -> Duration.ZERO;
        };
    }

    private static double secondParticipantShare(Channel channel) {
        return switch (channel) {
            case MEETING, VISIT -> 0.4;
            case EMAIL -> 0.12;
            case PHONE -> 0.03;
            default -> 0.02;
        };
    }

    private static double subjectShare(Channel channel) {
        return switch (channel) {
            case EMAIL, MEETING, VISIT, POST, WEB_FORM -> 0.95;
            case PHONE -> 0.4;
            default -> 0.1;
        };
    }

    private static String outcome(Channel channel, SplittableRandom random) {
        return switch (channel) {
            case PHONE -> CALL_OUTCOMES[random.nextInt(CALL_OUTCOMES.length)];
            case MEETING, VISIT -> MEETING_OUTCOMES[random.nextInt(MEETING_OUTCOMES.length)];
            case EMAIL, WHATSAPP, TELEGRAM, VIBER, SMS, LIVE_CHAT ->
                random.nextDouble() < 0.3 ? MESSAGE_OUTCOMES[random.nextInt(MESSAGE_OUTCOMES.length)] : null;
            default -> null;
        };
    }

    private static Money cost(Channel channel, Direction direction, Duration duration, SplittableRandom random) {
        return switch (channel) {
            case SMS -> direction == Direction.OUTBOUND ? SMS_COST : null;
            case POST -> POST_COST;
            case PHONE ->
                direction == Direction.OUTBOUND && random.nextDouble() < 0.2
                        ? Money.of(java.math.BigDecimal.valueOf(2 * (1 + duration.toMinutes()), 2), SMS_COST.currency())
                        : null;
            default -> null;
        };
    }

    private List<InteractionLink> links(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.03) {
            return List.of(InteractionLink.of(LinkKind.CAMPAIGN, campaigns[random.nextInt(CAMPAIGNS)]));
        }
        if (u < 0.04) {
            return List.of(InteractionLink.of(LinkKind.OPPORTUNITY, new UUID(random.nextLong(), random.nextLong())));
        }
        if (u < 0.045) {
            return List.of(InteractionLink.of(LinkKind.REQUEST, new UUID(random.nextLong(), random.nextLong())));
        }
        if (u < 0.05) {
            return List.of(
                    InteractionLink.of(LinkKind.CAMPAIGN, campaigns[random.nextInt(CAMPAIGNS)]),
                    InteractionLink.of(LinkKind.OPPORTUNITY, new UUID(random.nextLong(), random.nextLong())));
        }
        return List.of();
    }

    /** The system an interaction on {@code channel} may come from, named in its external id; null if none. */
    private static String source(Channel channel) {
        return switch (channel) {
            case PHONE -> "pbx";
            case EMAIL -> "mail";
            case WHATSAPP, TELEGRAM, VIBER, OTHER_MESSENGER, SMS -> "msg";
            case LIVE_CHAT, WEB_FORM -> "web";
            case SOCIAL -> "social";
            case MEETING -> "calendar";
            default -> null;
        };
    }

    private static double externalIdShare(Channel channel) {
        return switch (channel) {
            case WEB_FORM, LIVE_CHAT -> 1.0;
            case PHONE -> 0.75;
            case EMAIL -> 0.7;
            case MEETING -> 0.3;
            default -> 0.8;
        };
    }

    private static String sentence(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }
}
