# A ticket lock over the memory words next and serving: lock takes a number and waits to be called,
# unlock calls the next. Include it anywhere: control that falls into it jumps over it.
        jmp ticket_lock_end
ticket_lock:
        mov r1, 1
        fetchadd r1, next       # my number: r1 = next, next = next + 1
ticket_wait:
        load r2, serving
        cmp r2, r1
        jnz ticket_wait
        ret
ticket_unlock:
        load r2, serving        # only the holder writes serving
        add r2, 1
        store serving, r2
        ret
ticket_lock_end:
