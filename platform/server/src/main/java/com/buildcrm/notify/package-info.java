/**
 * Alerts about a lead a person should hear about (assigned to you, the client waits, a call soon, a
 * new hot lead). Fired as a CDI event inside the tenant unit of work that caused it, so emitters do
 * not depend on how people are told (Web Push, the live stream).
 */
package com.buildcrm.notify;
