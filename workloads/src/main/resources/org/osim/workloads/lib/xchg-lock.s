# enter_region and leave_region with XCHG (Tanenbaum Fig. 2-26), over the memory word lock.
# Include it anywhere: control that falls into it jumps over it.
        jmp xchg_lock_end
enter_region:
        mov r1, 1               # put a 1 in the register
        xchg r1, lock           # swap the contents of the register and lock variable
        cmp r1, 0               # was lock zero?
        jnz enter_region        # if it was non zero, lock was set, so loop
        ret                     # return to caller; critical region entered
leave_region:
        store lock, 0           # store a 0 in lock
        ret                     # return to caller
xchg_lock_end:
