/**
 * Service requests: inbound work that needs an answer, tracked until it is answered or visibly
 * overdue. A {@link org.crmkit.core.service.Request} is opened for a customer (usually by an inbound
 * interaction), has a kind, priority, topic, assignee or team, a {@link
 * org.crmkit.core.service.RequestStatus} that moves only along legal transitions, and deadlines for
 * the first response and for resolution from a {@link org.crmkit.core.service.ServiceLevelPolicy}
 * (per channel and priority, optionally counting only {@link org.crmkit.core.service.BusinessHours}).
 *
 * <p>{@link org.crmkit.core.service.RequestService} is the entry point; {@code overdue(now)} lists
 * what is late and publishes one {@link org.crmkit.core.service.RequestEvent.InboundRequestOverdue}
 * per passed deadline, however often the host polls. Requests are routed with the strategies of
 * {@code org.crmkit.core.routing}. {@link org.crmkit.core.service.RequestRepository} is the port a
 * store implements. This package depends on the customer, interaction and routing packages.
 */
package org.crmkit.core.service;
