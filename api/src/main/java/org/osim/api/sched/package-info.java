/**
 * The scheduler SPI: a policy only decides which runnable task runs next and for how long; the kernel
 * owns states, dispatch, timers and accounting. Stable: {@link org.osim.api.sched.Scheduler},
 * {@link org.osim.api.sched.SchedulerFactory}, {@link org.osim.api.sched.Task}; the run-queue helpers are
 * experimental.
 */
package org.osim.api.sched;
