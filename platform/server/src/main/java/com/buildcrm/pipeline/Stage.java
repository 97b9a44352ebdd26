package com.buildcrm.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A funnel stage of one tenant; system stages carry a role the pipeline rules know. */
@Entity
@Table(name = "stages")
public class Stage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String role;
    private int position;
    private String color;

    protected Stage() {}

    /** A custom stage (no system role) at {@code position}. */
    public Stage(String name, String color, int position) {
        this.name = name;
        this.color = color;
        this.position = position;
    }

    public void rename(String newName) {
        name = newName;
    }

    public void recolor(String newColor) {
        color = newColor;
    }

    public void moveTo(int newPosition) {
        position = newPosition;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    public int position() {
        return position;
    }

    public String color() {
        return color;
    }
}
