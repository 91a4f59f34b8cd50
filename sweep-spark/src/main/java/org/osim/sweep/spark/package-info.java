/** The Apache Spark engine of {@code osim sweep}: each run of the grid a Spark task, the outcomes collected in order. */
package org.osim.sweep.spark;
