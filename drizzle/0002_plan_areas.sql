-- The built-in areas of the action plan (handlingsplanen): the 13 of the plan (2016) and the
-- three added in 2019. A kommun may reword, add and retire areas afterwards; the code keeps a
-- built-in area recognisable whatever its wording.
INSERT INTO "plan_areas" ("code", "position", "title", "added_year") VALUES
	('user_participation', 1, 'Brukardelaktighet och återkoppling från brukare', 2016),
	('introduction_mentorship', 2, 'Introduktionsprogram och mentorskap för nyanställda', 2016),
	('manager_span_reporting', 3, 'Rimligt antal medarbetare per chef, och rutin för rapportering av arbetssituation till avdelningschef', 2016),
	('competence_forum', 4, 'Lokalt kompetens- och utvecklingsforum', 2016),
	('close_leadership', 5, 'Nära och tillgänglig ledning', 2016),
	('admin_support_caseworkers', 6, 'Administrativt stöd till handläggare', 2016),
	('admin_support_managers', 7, 'Administrativt stöd till chefer', 2016),
	('case_supervision', 8, 'Systematisk intern ärendehandledning', 2016),
	('co_handling', 9, 'Medhandläggarskap', 2016),
	('further_training', 10, 'Regelbunden fortbildning och specialistutbildning', 2016),
	('student_placements', 11, 'Regelbundet mottagande av studenter', 2016),
	('trainees', 12, 'Mottagande av traineer', 2016),
	('premises_tools', 13, 'Lämpliga lokaler och fungerande arbetsredskap', 2016),
	('threats_violence', 14, 'Arbete mot otillåten påverkan, hot och våld mot tjänstepersoner', 2019),
	('gender_equality', 15, 'Jämställdhet', 2019),
	('university_collaboration', 16, 'Fördjupad samverkan med universitet och lärosäten', 2019)
ON CONFLICT DO NOTHING;
