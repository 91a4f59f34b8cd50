# The bounded buffer of the producer-consumer problem (Tanenbaum §2.3.4 to §2.3.8), over the words
# buffer (an array), in, out and size (how many slots are used, at most buffer's length).
#   insert_item: buffer[in] = r7; in = (in + 1) mod size
#   remove_item: r3 = buffer[out]; out = (out + 1) mod size
#   check_item:  r3 must be item number r6 + 1 (items are numbered from 1); r6 counts it, and so does
#                the word consumed; an item lost, doubled or out of order is a fault
# They use r1 and r2. Include it anywhere: control that falls into it jumps over it.
        jmp ring_buffer_end
insert_item:
        load r2, in
        store buffer[r2], r7
        add r2, 1
        load r1, size
        cmp r2, r1
        jnz insert_item_done
        mov r2, 0
insert_item_done:
        store in, r2
        ret
remove_item:
        load r2, out
        load r3, buffer[r2]
        add r2, 1
        load r1, size
        cmp r2, r1
        jnz remove_item_done
        mov r2, 0
remove_item_done:
        store out, r2
        ret
check_item:
        add r6, 1
        cmp r3, r6
        jz check_item_ok
        fault out-of-order
check_item_ok:
        load r1, consumed
        add r1, 1
        store consumed, r1
        ret
ring_buffer_end:
