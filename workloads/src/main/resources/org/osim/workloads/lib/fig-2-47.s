# take_forks, put_forks and test of Tanenbaum Fig. 2-47, for philosopher r6 of n, over the shared array
# state (THINKING 0, HUNGRY 1, EATING 2), the semaphore mutex and the semaphore array s (a sysv-semaphore
# with one semaphore per philosopher, all 0). They use r1 to r4. Include it anywhere.
        jmp fig_2_47_end
take_forks:                      # void take_forks(int i): i in r6
        call mutex.down          # enter critical region
        store state[r6], 1       # record fact that philosopher i is hungry
        mov r1, r6
        call test                # try to acquire 2 forks
        call mutex.up            # exit critical region
        call s.semop r6:-1       # block if forks were not acquired
        ret
put_forks:                       # void put_forks(int i)
        call mutex.down
        store state[r6], 0       # philosopher has finished eating
        mov r1, r6               # see if left neighbor can now eat
        call left
        call test
        mov r1, r6               # see if right neighbor can now eat
        call right
        call test
        call mutex.up
        ret
test:                            # void test(int i): i in r1
        load r2, state[r1]       # if (state[i] == HUNGRY
        cmp r2, 1
        jnz test_done
        mov r3, r1
        mov r1, r3
        call left
        load r2, state[r1]       #     && state[LEFT] != EATING
        mov r1, r3
        cmp r2, 2
        jz test_done
        call right
        load r2, state[r1]       #     && state[RIGHT] != EATING)
        mov r1, r3
        cmp r2, 2
        jz test_done
        store state[r1], 2       # state[i] = EATING
        call s.semop r1:+1       # up(&s[i])
test_done:
        ret
left:                            # r1 = (r1 + n - 1) % n
        load r4, n
        add r1, r4
        sub r1, 1
        cmp r1, r4
        jl left_done
        sub r1, r4
left_done:
        ret
right:                           # r1 = (r1 + 1) % n
        load r4, n
        add r1, 1
        cmp r1, r4
        jl right_done
        sub r1, r4
right_done:
        ret
fig_2_47_end:
