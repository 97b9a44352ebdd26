package com.buildcrm.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Tenant-wide CRM settings (one row per tenant schema), edited by the owner and the ROP. */
@Entity
@Table(name = "crm_settings")
public class CrmSettings {

    /** The single row's key. */
    public static final boolean SINGLETON = true;

    @Id private Boolean id;

    @Column(name = "managers_see_all")
    private boolean managersSeeAll;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "stale_after_days")
    private int staleAfterDays;

    @Column(name = "work_day_start")
    private LocalTime workDayStart;

    @Column(name = "work_day_end")
    private LocalTime workDayEnd;

    protected CrmSettings() {}

    /** Whether managers see every lead, or only the leads assigned to them. */
    public boolean managersSeeAll() {
        return managersSeeAll;
    }

    public void changeManagersSeeAll(boolean value, OffsetDateTime now) {
        this.managersSeeAll = value;
        this.updatedAt = now;
    }

    /** A lead with no activity for this many days in a non-final stage is stale (1–365). */
    public int staleAfterDays() {
        return staleAfterDays;
    }

    /** The working day's start in the company's time zone. */
    public LocalTime workDayStart() {
        return workDayStart;
    }

    /** The working day's end in the company's time zone (after its start). */
    public LocalTime workDayEnd() {
        return workDayEnd;
    }

    public void changeStaleAfterDays(int days, OffsetDateTime now) {
        this.staleAfterDays = days;
        this.updatedAt = now;
    }

    public void changeWorkDay(LocalTime start, LocalTime end, OffsetDateTime now) {
        this.workDayStart = start;
        this.workDayEnd = end;
        this.updatedAt = now;
    }
}
