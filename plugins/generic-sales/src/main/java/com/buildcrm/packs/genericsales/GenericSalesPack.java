package com.buildcrm.packs.genericsales;

import static com.buildcrm.plugin.api.FieldType.NUMBER;
import static com.buildcrm.plugin.api.FieldType.TEXT;

import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.PackDescriptor;
import com.buildcrm.plugin.api.QualificationField;
import java.util.List;
import org.pf4j.Extension;

/** The universal pack: name, city, need, budget, timeline. */
@Extension
public class GenericSalesPack implements IndustryPack {

    @Override
    public PackDescriptor descriptor() {
        return new PackDescriptor("generic-sales", "Универсальные продажи", "Generic sales");
    }

    @Override
    public List<QualificationField> qualificationSchema() {
        return List.of(
                new QualificationField(
                        "name",
                        TEXT,
                        true,
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
                        "Подскажите, пожалуйста, из какого вы города?",
                        "Which city are you in?"),
                new QualificationField(
                        "need",
                        TEXT,
                        true,
                        "Потребность",
                        "Need",
                        "Расскажите, пожалуйста, что именно вас интересует?",
                        "What exactly are you looking for?"),
                new QualificationField(
                        "budget_kzt",
                        NUMBER,
                        false,
                        "Бюджет, ₸",
                        "Budget, KZT",
                        "На какой бюджет вы ориентируетесь?",
                        "What budget do you have in mind?"),
                new QualificationField(
                        "timeline",
                        TEXT,
                        false,
                        "Сроки",
                        "Timeline",
                        "Когда планируете решить вопрос?",
                        "When do you plan to decide?"),
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
