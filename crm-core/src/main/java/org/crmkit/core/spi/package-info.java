/**
 * The ports a persistence adapter implements. {@link org.crmkit.core.spi.CrmStore} is the entry: it
 * hands out each aggregate's repository (declared beside its aggregate, such as
 * {@link org.crmkit.core.customer.CustomerRepository}) for one tenant, and runs units of work.
 */
package org.crmkit.core.spi;
