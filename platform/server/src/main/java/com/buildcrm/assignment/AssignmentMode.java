package com.buildcrm.assignment;

/** How the rule picks a lead's manager. */
public enum AssignmentMode {
    /** Nobody is picked automatically; the owner or the ROP assigns by hand. */
    MANUAL,
    /** The next active user of the rotation after the one picked last. */
    ROUND_ROBIN,
    /** The active user of the rotation with the fewest open leads (ties: rotation order). */
    LEAST_LOADED
}
