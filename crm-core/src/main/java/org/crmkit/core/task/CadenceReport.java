package org.crmkit.core.task;

/**
 * What one run of a {@link ContactCadence} did.
 *
 * @param customersChecked customers of the audience looked at
 * @param lapsed of those, how many were lapsed
 * @param tasksCreated follow-up tasks created by this run
 * @param alreadyPlanned lapsed customers whose follow-up for the same lapse existed already
 */
public record CadenceReport(long customersChecked, long lapsed, long tasksCreated, long alreadyPlanned) {}
