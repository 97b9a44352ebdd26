/**
 * Web Push (RFC 8030 / 8291 / 8292): browsers and installed apps subscribe per device, {@link
 * com.buildcrm.notify.LeadAlert}s are turned into one delivery per subscription of each recipient
 * in the transaction that caused them, and a job sends each delivery with VAPID and an encrypted
 * payload (ADR 020). The encryption and the VAPID token come from the {@code com.interaso:webpush}
 * library; this package only decides who hears what, when, and what a push service's answer means.
 */
package com.buildcrm.push;
