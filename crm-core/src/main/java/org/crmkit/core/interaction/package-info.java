/**
 * The interaction history: every call, e-mail, meeting, chat, web-form request and social message
 * between the tenant and its customers, inbound or outbound, in one timeline per customer. An
 * {@link org.crmkit.core.interaction.Interaction} is one contact on one channel with one or more
 * {@link org.crmkit.core.interaction.Participant}s; it is append-only, and a correction is a new
 * record that supersedes the old one. An external id (the source system's call or message id) makes
 * logging idempotent, so imports and webhooks can be re-delivered.
 *
 * <p>{@link org.crmkit.core.interaction.InteractionService} is the entry point: it logs {@link
 * org.crmkit.core.interaction.InteractionDraft}s one at a time or in bulk, corrects them, and reads
 * timelines ({@link org.crmkit.core.interaction.TimelineQuery}) and per-channel {@link
 * org.crmkit.core.interaction.ChannelActivity}. {@link org.crmkit.core.interaction.InteractionRepository}
 * is the port a store implements, paging timelines with the cursors of {@link
 * org.crmkit.core.interaction.TimelineOrder}. This package refers to customers by id and depends on
 * the customer package; the customer package does not depend on it.
 */
package org.crmkit.core.interaction;
