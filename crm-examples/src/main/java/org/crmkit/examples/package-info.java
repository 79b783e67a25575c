/**
 * Runnable programs a newcomer starts with. {@link org.crmkit.examples.QuickStart} is the first.
 */
package org.crmkit.examples;
