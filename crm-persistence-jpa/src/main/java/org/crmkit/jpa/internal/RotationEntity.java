package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The row of one team's rotation in {@code crmkit_rotation}: who took the team's latest turn. The
 * store maps it to and from the core's {@code Rotation}. Not part of CRMKit's API; not thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher.
 */
@Entity(name = "CrmkitRotation")
@Table(name = "crmkit_rotation")
@IdClass(RotationKey.class)
public class RotationEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "team_id", nullable = false, length = 128)
    private String teamId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "last_staff_id", nullable = false, length = 128)
    private String lastStaffId;

    /** For the persistence provider. */
    protected RotationEntity() {}

    /** A new, not yet persisted rotation row. */
    public RotationEntity(String tenantId, String teamId) {
        this.tenantId = tenantId;
        this.teamId = teamId;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The team's id. */
    public String getTeamId() {
        return teamId;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The staff id of who took the latest turn. */
    public String getLastStaffId() {
        return lastStaffId;
    }

    /** Sets who took the latest turn. */
    public void setLastStaffId(String lastStaffId) {
        this.lastStaffId = lastStaffId;
    }
}
