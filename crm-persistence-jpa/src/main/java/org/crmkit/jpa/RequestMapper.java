package org.crmkit.jpa;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Priority;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.interaction.InteractionId;
import org.crmkit.core.routing.TeamId;
import org.crmkit.core.service.Request;
import org.crmkit.core.service.RequestId;
import org.crmkit.core.service.RequestKind;
import org.crmkit.core.service.RequestStatus;
import org.crmkit.core.service.ServiceLevelTarget;
import org.crmkit.jpa.internal.RequestEntity;

/**
 * Maps the core's immutable {@link Request} to and from a {@link RequestEntity}, with every instant
 * kept to the microsecond as {@link CustomerMapper} does: {@link #normalised} is the request exactly
 * as the store will hand it back. Stateless.
 */
final class RequestMapper {
    private RequestMapper() {}

    /** {@code request} with its instants truncated to microseconds; itself when none needs it. */
    static Request normalised(Request request) {
        if (CustomerMapper.isMicros(request.openedAt())
                && CustomerMapper.isMicros(request.firstResponseDue())
                && CustomerMapper.isMicros(request.resolutionDue())
                && request.firstRespondedAt().map(CustomerMapper::isMicros).orElse(true)
                && request.resolvedAt().map(CustomerMapper::isMicros).orElse(true)
                && request.closedAt().map(CustomerMapper::isMicros).orElse(true)
                && CustomerMapper.isMicros(request.audit().createdAt())
                && CustomerMapper.isMicros(request.audit().updatedAt())) {
            return request;
        }
        return Request.builder(
                        request.id(),
                        request.tenant(),
                        request.customer(),
                        request.subject(),
                        CustomerMapper.micros(request.openedAt()),
                        CustomerMapper.micros(request.firstResponseDue()),
                        CustomerMapper.micros(request.resolutionDue()),
                        CustomerMapper.micros(request.audit()))
                .channel(request.channel())
                .kind(request.kind())
                .priority(request.priority())
                .topic(request.topic().orElse(null))
                .openedBy(request.openedBy().orElse(null))
                .status(request.status())
                .assignee(request.assignee().orElse(null))
                .team(request.team().orElse(null))
                .firstRespondedAt(
                        request.firstRespondedAt().map(CustomerMapper::micros).orElse(null))
                .resolvedAt(request.resolvedAt().map(CustomerMapper::micros).orElse(null))
                .closedAt(request.closedAt().map(CustomerMapper::micros).orElse(null))
                .overdueNotified(request.overdueNotified())
                .version(request.version())
                .build();
    }

    /** A new row holding {@code request}, which must be {@link #normalised}. */
    static RequestEntity newEntity(Request request) {
        RequestEntity entity =
                new RequestEntity(request.tenant().value(), request.id().value());
        apply(request, entity);
        return entity;
    }

    /**
     * Writes the state of {@code request} (already {@link #normalised}) into {@code entity}, its
     * {@link Request#nextDeadline()} included.
     *
     * @return whether any column changed
     */
    static boolean apply(Request request, RequestEntity entity) {
        List<Object> before = columns(entity);
        entity.setCustomerId(request.customer().value());
        entity.setChannel(request.channel().name());
        entity.setKind(request.kind().name());
        entity.setPriority(request.priority().name());
        entity.setSubject(request.subject());
        entity.setTopic(request.topic().orElse(null));
        entity.setOpenedBy(request.openedBy().map(InteractionId::value).orElse(null));
        entity.setStatus(request.status().name());
        entity.setAssigneeId(request.assignee().map(StaffId::value).orElse(null));
        entity.setTeamId(request.team().map(TeamId::value).orElse(null));
        entity.setOpenedAt(request.openedAt());
        entity.setFirstResponseDue(request.firstResponseDue());
        entity.setResolutionDue(request.resolutionDue());
        entity.setFirstRespondedAt(request.firstRespondedAt().orElse(null));
        entity.setResolvedAt(request.resolvedAt().orElse(null));
        entity.setClosedAt(request.closedAt().orElse(null));
        Set<ServiceLevelTarget> notified = request.overdueNotified();
        entity.setFirstResponseOverdueNotified(notified.contains(ServiceLevelTarget.FIRST_RESPONSE));
        entity.setResolutionOverdueNotified(notified.contains(ServiceLevelTarget.RESOLUTION));
        entity.setNextDeadline(request.nextDeadline().orElse(null));
        entity.setAudit(CustomerMapper.auditValue(request.audit()));
        return !before.equals(columns(entity));
    }

    /** The request held by {@code entity}. */
    static Request toDomain(RequestEntity entity) {
        Set<ServiceLevelTarget> notified = EnumSet.noneOf(ServiceLevelTarget.class);
        if (entity.isFirstResponseOverdueNotified()) {
            notified.add(ServiceLevelTarget.FIRST_RESPONSE);
        }
        if (entity.isResolutionOverdueNotified()) {
            notified.add(ServiceLevelTarget.RESOLUTION);
        }
        return Request.builder(
                        new RequestId(entity.getId()),
                        TenantId.of(entity.getTenantId()),
                        new CustomerId(entity.getCustomerId()),
                        entity.getSubject(),
                        entity.getOpenedAt(),
                        entity.getFirstResponseDue(),
                        entity.getResolutionDue(),
                        CustomerMapper.audit(entity.getAudit()))
                .channel(Channel.valueOf(entity.getChannel()))
                .kind(RequestKind.valueOf(entity.getKind()))
                .priority(Priority.valueOf(entity.getPriority()))
                .topic(entity.getTopic())
                .openedBy(entity.getOpenedBy() == null ? null : new InteractionId(entity.getOpenedBy()))
                .status(RequestStatus.valueOf(entity.getStatus()))
                .assignee(entity.getAssigneeId() == null ? null : StaffId.of(entity.getAssigneeId()))
                .team(entity.getTeamId() == null ? null : TeamId.of(entity.getTeamId()))
                .firstRespondedAt(entity.getFirstRespondedAt())
                .resolvedAt(entity.getResolvedAt())
                .closedAt(entity.getClosedAt())
                .overdueNotified(notified)
                .version(entity.getVersion() + 1)
                .build();
    }

    /** The values of every column of {@code entity} but its key and version, to tell a change. */
    private static List<Object> columns(RequestEntity e) {
        Instant[] instants = {
            e.getOpenedAt(),
            e.getFirstResponseDue(),
            e.getResolutionDue(),
            e.getFirstRespondedAt(),
            e.getResolvedAt(),
            e.getClosedAt(),
            e.getNextDeadline()
        };
        return Arrays.asList(
                e.getCustomerId(),
                e.getChannel(),
                e.getKind(),
                e.getPriority(),
                e.getSubject(),
                e.getTopic(),
                e.getOpenedBy(),
                e.getStatus(),
                e.getAssigneeId(),
                e.getTeamId(),
                Arrays.asList(instants),
                e.isFirstResponseOverdueNotified(),
                e.isResolutionOverdueNotified(),
                e.getAudit());
    }
}
