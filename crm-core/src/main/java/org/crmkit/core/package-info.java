/**
 * CRMKit's entry point. {@link org.crmkit.core.Crm} is built once over a
 * {@link org.crmkit.core.spi.CrmStore}; {@link org.crmkit.core.CrmScope} is the work of one actor on
 * one tenant and hands out the services of each concept package.
 */
package org.crmkit.core;
