/**
 * Customers and contact management. A {@link org.crmkit.core.customer.Customer} is a person or an
 * organisation with contact points, consent, tags, custom attributes, a lifecycle stage and an
 * owner; a {@link org.crmkit.core.customer.Relationship} links two customers in a role.
 * {@link org.crmkit.core.customer.CustomerService} is the entry point;
 * {@link org.crmkit.core.customer.CustomerRepository} and
 * {@link org.crmkit.core.customer.RelationshipRepository} are the ports a store implements.
 */
package org.crmkit.core.customer;
