package com.buildcrm.packs.panelhouses;

import static com.buildcrm.plugin.api.FieldType.BOOLEAN;
import static com.buildcrm.plugin.api.FieldType.INTEGER;
import static com.buildcrm.plugin.api.FieldType.NUMBER;
import static com.buildcrm.plugin.api.FieldType.TEXT;

import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.QualificationField;
import java.util.List;
import org.pf4j.Extension;

/** The first customer's pack: panel houses sold across Kazakhstan. */
@Extension
public class PanelHousesPack implements IndustryPack {

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("panel-houses", "Панельные дома", "Panel houses");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return List.of(
                new QualificationField(
                        "name",
                        TEXT,
                        false,
                        "Имя",
                        "Name",
                        "Как я могу к вам обращаться?",
                        "How may I address you?"),
                new QualificationField(
                        "city",
                        TEXT,
                        true,
                        "Город",
                        "City",
                        "Подскажите, в каком городе планируете строительство?",
                        "Which city will you build in?"),
                new QualificationField(
                        "length_m",
                        NUMBER,
                        true,
                        "Длина, м",
                        "Length, m",
                        "Какие размеры дома планируете — длина и ширина?",
                        "What size is the house — length and width?"),
                new QualificationField(
                        "width_m",
                        NUMBER,
                        true,
                        "Ширина, м",
                        "Width, m",
                        "Какая ширина дома?",
                        "How wide is the house?"),
                new QualificationField(
                        "height_m",
                        NUMBER,
                        true,
                        "Высота, м",
                        "Height, m",
                        "Какая высота стен нужна?",
                        "How high should the walls be?"),
                new QualificationField(
                        "foundation_closed",
                        BOOLEAN,
                        true,
                        "Закрытие фундамента",
                        "Foundation closed",
                        "Будете закрывать фундамент?",
                        "Will you close the foundation?"),
                new QualificationField(
                        "windows",
                        INTEGER,
                        true,
                        "Окна, шт.",
                        "Windows",
                        "Сколько планируется окон?",
                        "How many windows are planned?"),
                new QualificationField(
                        "doors",
                        INTEGER,
                        true,
                        "Двери, шт.",
                        "Doors",
                        "А сколько дверей?",
                        "And how many doors?"),
                new QualificationField(
                        "has_project",
                        BOOLEAN,
                        false,
                        "Есть проект/фото",
                        "Has project/photos",
                        "Есть ли у вас проект или фото дома, который хотите?",
                        "Do you have a project or photos of the house you want?"),
                new QualificationField(
                        "preferred_call_time",
                        TEXT,
                        false,
                        "Удобное время звонка",
                        "Preferred call time",
                        "Когда вам удобно созвониться?",
                        "When is it convenient to call you?"));
    }
}
