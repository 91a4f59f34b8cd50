/** Studies of many runs: replications with derived seeds, confidence intervals, paired comparisons of policies. */
package org.osim.stats;
