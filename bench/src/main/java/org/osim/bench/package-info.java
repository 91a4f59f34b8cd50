/** JMH micro-benchmarks of the engine's parts, each measured beside a plain-Java baseline in the same run. */
package org.osim.bench;
