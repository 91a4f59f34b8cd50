# Bookkeeping for the dining philosophers (Tanenbaum §2.5.1), over the shared words eating (how many eat
# now), most (the most that ever ate at once) and meals (an array: meals eaten, per philosopher).
#   start_eating: eating = eating + 1, and most = max(most, eating), both indivisibly (fetchadd, cas)
#   stop_eating:  eating = eating - 1, and meals[r6] = meals[r6] + 1 (r6: the philosopher's number)
# They use r1 and r2. Include it anywhere: control that falls into it jumps over it.
        jmp dining_end
start_eating:
        mov r1, 1
        fetchadd r1, eating      # r1 = how many ate before
        add r1, 1
start_eating_most:
        load r2, most
        cmp r1, r2
        jl start_eating_done     # fewer than the most so far
        jz start_eating_done
        cas r2, most, r1         # most = r1, unless someone changed most meanwhile: then look again
        jnz start_eating_most
start_eating_done:
        ret
stop_eating:
        mov r1, -1
        fetchadd r1, eating
        load r1, meals[r6]
        add r1, 1
        store meals[r6], r1
        ret
dining_end:
