/** The workload file format: parsing with exact error positions, distributions, generators and the standard workloads. */
package org.osim.workloads;
