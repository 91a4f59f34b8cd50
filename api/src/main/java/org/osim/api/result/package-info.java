/** The results of a run: per-process and per-thread metrics, the summary, the schedule and detected problems. */
package org.osim.api.result;
