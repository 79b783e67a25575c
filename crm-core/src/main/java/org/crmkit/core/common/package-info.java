/**
 * The vocabulary every concept shares: {@link org.crmkit.core.common.TenantId}, typed ids and the
 * {@link org.crmkit.core.common.IdGenerator}, {@link org.crmkit.core.common.Money}, keyset
 * {@link org.crmkit.core.common.Page}s, the {@link org.crmkit.core.common.CrmException} hierarchy,
 * {@link org.crmkit.core.common.DomainEvent}s and their listeners, and the types of long work
 * ({@link org.crmkit.core.common.ProgressListener}, {@link org.crmkit.core.common.Cancellation}).
 * Depends on no concept package.
 */
package org.crmkit.core.common;
