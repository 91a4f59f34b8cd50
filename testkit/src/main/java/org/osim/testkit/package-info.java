/** A test kit for plugin authors: run a workload against your policy in a unit test, in three lines. */
package org.osim.testkit;
