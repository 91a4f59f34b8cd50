# enter_region and leave_region with TSL (Tanenbaum Fig. 2-25), over the memory word lock.
# Include it anywhere: control that falls into it jumps over it.
        jmp tsl_lock_end
enter_region:
        tsl r1, lock            # copy lock to register and set lock to 1
        cmp r1, 0               # was lock zero?
        jnz enter_region        # if it was not zero, lock was set, so loop
        ret                     # return to caller; critical region entered
leave_region:
        store lock, 0           # store a 0 in lock
        ret                     # return to caller
tsl_lock_end:
