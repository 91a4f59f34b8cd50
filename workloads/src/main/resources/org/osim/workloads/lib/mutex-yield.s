# mutex_lock and mutex_unlock for user-level threads (Tanenbaum Fig. 2-29), over the memory word mutex:
# when the mutex is taken, thread_yield instead of spinning. Include it anywhere.
        jmp mutex_yield_end
mutex_lock:
        tsl r1, mutex           # copy mutex to register and set mutex to 1
        cmp r1, 0               # was mutex zero?
        jz mutex_locked         # if it was zero, mutex was unlocked, so return
        yield                   # mutex is busy; schedule another thread
        jmp mutex_lock          # try again
mutex_locked:
        ret                     # return to caller; critical region entered
mutex_unlock:
        store mutex, 0          # store a 0 in mutex
        ret                     # return to caller
mutex_yield_end:
