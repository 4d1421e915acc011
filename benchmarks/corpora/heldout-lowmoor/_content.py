"""Invented text of the held-out Lowmoor corpus (see README.md). Used by _make.py.

Lessons are marked ``[[cN|...]]``; _make.py strips the markers.
"""

# ruff: noqa: E501

BOARD_2016 = """
= LOWMOOR HEALTH BOARD

~ Public Board Meeting, 24 November 2016. Agenda item 7.2. Paper LHB/16/118. Status: for noting.

# Patient and Public Involvement: Progress Report and Forward Look 2017-2020

~ Executive lead: Director of Nursing, Midwifery and Patient Experience. Author: Head of Patient Experience.

## 1. Purpose

1.1 This paper updates the Board on the involvement of patients, carers and the public in the design and improvement of services, and sets out the forward look for 2017-2020. It responds to action 16/041 from the September Board.

## 2. Background

2.1 In March 2014 the Board agreed that Lowmoor should be "working with people, not doing to them". Since then a number of pieces of work have been taken forward across the three localities. This paper describes four of them and draws out what has been learned.

## 3. Stroke rehabilitation co-design

3.1 Experience-based co-design (EBCD) was piloted on Ash Ward at Carrick General in 2012/13 and rolled out to the two community stroke rehabilitation units the following year. Former patients and their families were filmed talking about their time on the ward; the edited trigger film was shown to staff and to patients together at a joint event, and six co-design groups of patients, carers and staff then agreed the priorities.

3.2 The stroke rehabilitation co-design project produced, among other things, a redesigned visiting policy, a "what matters to me" board at each bedside and a family-led induction for new healthcare support workers. The project formally closed in March 2016 and its changes are now part of the stroke pathway standards.

3.3 [[c4|Several ward staff found the trigger film hard to watch at first, and we learned that staff need protected time to talk through their reactions before they are asked to sit down with patients to design anything.]]

3.4 [[c5|The changes that lasted were the ones that a named ward sister had taken ownership of; where ownership sat only with the project team, the changes faded once the project closed.]]

## 4. Citizens' Panel

4.1 The Lowmoor Citizens' Panel was set up in FY2014/15 and now has 412 members drawn from all three localities. Members respond to short surveys four times a year and a core group of around twenty members attends quarterly meetings with the executive team. Panel members have also reviewed patient information leaflets and took part in unannounced "first impressions" walkrounds of outpatient departments in 2015-16, scoring what they found against a checklist they wrote themselves.

4.2 [[c2|The Panel still over-represents retired people and under-represents working-age men, young people and people from minority ethnic communities, and we have learned that an open invitation alone will not change this.]]

4.3 [[c3|Members told us they stopped replying to surveys when they never heard what had happened to their answers; a simple "you said, we did" note after each round has made a visible difference to response rates.]]

## 5. Shared Treatment and Escalation Plans

5.1 Since spring 2016 the Board has been introducing Shared Treatment and Escalation Plans (STEP) for people living with frailty and multiple long-term conditions. A STEP plan is agreed between the person, their family where they wish, and their GP or community matron. It records what matters to the person, their own goals, what should happen if they become unwell, and a named contact for the next review. The STEP template was drafted by a working group that included four carers and two patients.

5.2 By October 2016, 214 STEP plans had been agreed in the Carrick locality, and the work will extend to Tarnfield and Brackenby in 2017.

## 6. The Big Conversation

6.1 In 2013 the Board held the first Big Conversation, a series of eleven community listening events in libraries, schools and sports clubs, attended by more than 900 people. The themes raised then still shape our priorities. A second round of the Big Conversation is planned for spring 2017.

## 7. What we have learned

7.1 [[c1|Involvement has been funded from the margins of existing budgets, and we have learned that without a small, protected budget for expenses and payment, the people most able to take part are those who need it least.]]

7.2 [[c5|Good work has too often depended on the enthusiasm of individual staff, and the Board needs to build involvement into business planning rather than rely on goodwill.]]

## 8. Forward look 2017-2020

8.1 The Head of Patient Experience will bring a patient and public involvement framework to the Board in 2017, including a remuneration policy and a register of involvement opportunities.

## 9. Recommendation

9.1 Recommendation: the Board is asked to note the progress described in this paper and to support the development of a patient and public involvement framework for approval in 2017.
"""

MINUTES_QC_2018 = """
LOWMOOR HEALTH BOARD
QUALITY, SAFETY AND EXPERIENCE COMMITTEE
Minutes of the meeting held on Wednesday 14 March 2018, 13:30, Board Room, Kestrel House, Carrick

Present:    Dr Imogen Farrant (Independent Member, Chair)
            Mr Kwame Ansah-Bell (Independent Member)
            Ms Rhiannon Tudor-Price (Director of Nursing, Midwifery and Patient Experience)
            Dr Callum Rennie (Medical Director)
            Mrs Jean Halloran (Patient representative, Citizens' Panel)
In attendance: Ms Priya Lal (Head of Quality Improvement), Mr Tomasz Wrona (Programme Director, Project Keystone), Ms Eilidh Cairns (Committee Secretary, minutes)
Apologies:  Mr Gareth Lloyd-Evans (Director of Operations)

QSE/18/021  Welcome and apologies
The Chair welcomed members. Apologies were noted as above. The meeting was quorate.

QSE/18/022  Minutes of 10 January 2018 and matters arising
Approved as an accurate record. Action QSE/17/088 (falls data by ward) is complete; see action log.

QSE/18/023  Heart failure improvement collaborative: quarter 3 report
Ms Lal presented the Q3 report. The heart failure improvement collaborative began in FY2017/18 with five teams (two cardiology wards, the community heart failure nurses and two GP practices). Each team includes at least one patient or carer member who attends the learning sessions and takes part in the PDSA cycles. The teams use a persona, "Edna", an 81-year-old widow living alone with heart failure and arthritis, to test every change against a typical person's week. Readmissions within 30 days have fallen from 22% to 17% across the collaborative wards, though it is too early to say whether this is sustained.
Mrs Halloran said the patient members valued being in the team from the start rather than being asked to comment at the end. The Committee asked whether patient members were being paid; Ms Lal confirmed that expenses were reimbursed but that payment for time was not yet possible under current policy.
The Committee NOTED the report.

QSE/18/024  Project Keystone: electronic patient record replacement
Mr Wrona reported that Project Keystone remains on track for go-live of the new electronic patient record in the acute hospitals in Q2 of 2019/20. Clinical safety testing is led by the Chief Clinical Information Officer and a group of staff super-users. The Medical Director noted that the system is expected to reduce duplicate tests and improve flow for patients. The Committee NOTED the update and asked for a clinical safety case to come to the June meeting.

QSE/18/025  Renal services: proposal to explore shared haemodialysis care
Dr Rennie introduced a request from the renal unit at Carrick General to visit two English units that support patients to carry out parts of their own haemodialysis. No decision is being sought at this stage. The Committee SUPPORTED the visit and asked for a proposal in the next financial year.

QSE/18/026  Any other business
None.

Date of next meeting: Wednesday 13 June 2018.

ACTION LOG
Ref          Action                                                                  Owner               Due         Status
QSE/17/088   Falls data by ward to be reported quarterly                            Head of Nursing     Jan 2018    Complete
QSE/18/023a  Report on payment for patient members of QI teams                      Head of QI          Jun 2018    Open
QSE/18/023b  Sustainability plan for heart failure collaborative after FY2018/19     Head of QI          Sep 2018    Open
QSE/18/024   Clinical safety case for Project Keystone                              Programme Director  Jun 2018    Open
QSE/18/025   Proposal on shared haemodialysis care                                  Medical Director    2018/19     Open
"""

FINANCE_MINUTES_2020 = """
# Lowmoor Health Board — Finance and Performance Committee

**Minutes of the meeting held on 22 January 2020, Kestrel House**

*Chair: Mr Desmond Achterberg, Independent Member. Present: Director of Finance (Ms Lorna Mabry), Director of Operations (Mr Gareth Lloyd-Evans), Director of Workforce (Ms Hannah Voss), Director of Nursing, Midwifery and Patient Experience. Secretary: Ms Eilidh Cairns.*

---

## FP/20/004 Month 9 financial position

The Director of Finance reported a year-to-date deficit of £3.2m against a planned deficit of £2.9m. The cost improvement programme has delivered £11.4m of the £14.0m target for 2019-20; the shortfall is mainly in agency nursing. The Committee **noted** the position and the risk to the year-end forecast.

## FP/20/005 Theatre productivity and patient flow programme

The Director of Operations presented the quarter 3 update of the theatre productivity and patient flow programme, which began in April 2019. The programme is run by a steering group of surgeons, anaesthetists, theatre managers and the business intelligence team. Start-time compliance has improved from 61% to 78% and the number of on-the-day cancellations has fallen by a quarter. The aim is to improve flow for patients and reduce waiting times for elective surgery. The Committee **noted** the update.

## FP/20/006 Ward 7 refurbishment, Carrick General

The business case for the refurbishment of Ward 7 (capital cost £2.35m, FY2020/21) was **approved** for submission to the regional capital group. The refurbishment will add four single rooms with en-suite facilities and replace the nurse call system. Works are to be phased so that beds are not lost over winter.

## FP/20/007 Peer Recovery Workers: recurrent funding

The Director of Nursing asked the Committee to support moving the Peer Recovery Workers from non-recurrent to recurrent funding from 2020/21. The PRW service was launched in April 2015 with three posts funded through a charitable grant and has grown to eleven whole-time-equivalent posts in community mental health teams and the acute admissions unit. Peer recovery workers are employed on Agenda-for-Change contracts and use their own lived experience of mental ill health and recovery to support people with recovery plans built around their own goals.

The Director of Workforce noted that the service is one of the few that recruits people with lived experience into paid roles and that this should be protected. The Committee **supported** recurrent funding of £412k per year, subject to the Board's approval of the 2020/21 financial plan.

## Action log

| Ref | Action | Owner | Due |
| --- | --- | --- | --- |
| FP/20/004 | Revised year-end forecast to February meeting | Director of Finance | Feb 2020 |
| FP/20/005 | Add patient-reported waiting experience to programme dashboard | Director of Operations | Apr 2020 |
| FP/20/006 | Submit Ward 7 business case | Director of Finance | Feb 2020 |
| FP/20/007 | Include PRW in 2020/21 financial plan | Director of Finance | Mar 2020 |
"""

NEWSLETTER_2017 = """
# Lowmoor Link — staff newsletter, issue 41 (Summer 2017)

## "It felt like someone was finally listening": Big Conversation returns

More than 1,100 people came along to this spring's Big Conversation, the second time the Board has taken to the road to ask local people what matters to them about health services. Sessions were held in fourteen venues, from the Tarnfield miners' welfare hall to the youth café in Brackenby. Top of the list this time were getting through to the GP surgery, support for carers and mental health support for young people.

Staff from every directorate helped run the tables. Community midwife Shona Beattie said: "I thought I'd be hearing complaints all night. Instead I heard people with really practical ideas."

A summary report will go to the Board in September, and every person who left their contact details will get a copy.

## Ash Ward film wins regional award

The trigger film made by former patients for the stroke rehabilitation co-design project has won the regional Patient Experience Network award for "involving people". The film is now used in the induction of every new member of staff joining stroke services.

## Dates for your diary

- Carers' Week coffee morning, Carrick General atrium, 12 June
- Quality improvement open day, 3 July

*Lowmoor Link is produced by the Communications Team, Kestrel House. Contributions welcome.*
"""

PRESS_2022 = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Big Conversation 2022: thousands share their views on local health services | Lowmoor Health Board</title>
<meta name="description" content="News release from Lowmoor Health Board">
</head>
<body>
<header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/services">Our services</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav>
</header>
<main>
<article>
<p class="meta">News release — 16 June 2022 — For immediate release</p>
<h1>Big Conversation 2022: thousands share their views on local health services</h1>
<p>More than 2,300 people took part in this year's Big Conversation, Lowmoor Health Board's community listening exercise, making it the largest yet.</p>
<p>The Big Conversation was first held in 2013 and repeated in 2017. This third round, the first since the pandemic, ran from March to May 2022 and, for the first time, combined face-to-face events in twenty community venues with an online survey and a series of conversations led by the Board's Young Health Champions in schools and colleges.</p>
<p>Local people told the Board that access to GP appointments, waiting times for planned operations and support for mental health remain their top concerns. Many also asked for clearer information while they wait.</p>
<p>Chair of Lowmoor Health Board, Mrs Adaeze Morrow, said: "We are grateful to everyone who gave up their time. The Big Conversation is not a one-off survey. It is how we keep checking that we are working on the things that matter to the people we serve. We will publish what we heard, and what we are going to do about it, in September."</p>
<p>Arjun Menon, 17, who helped run sessions in Brackenby High School, said: "Loads of people my age had never been asked anything about the NHS before. They had a lot to say."</p>
<h2>Notes to editors</h2>
<ul>
<li>Lowmoor Health Board plans, commissions and provides health services for around 410,000 people across the localities of Carrick, Tarnfield and Brackenby.</li>
<li>The full findings will be presented to the public Board meeting on 29 September 2022.</li>
<li>Media enquiries: Communications Team, Kestrel House, Carrick.</li>
</ul>
</article>
</main>
<footer><p>&copy; Lowmoor Health Board. <a href="/privacy">Privacy</a> | <a href="/accessibility">Accessibility</a> | <a href="/cookies">Cookies</a></p></footer>
</body>
</html>
"""

FOCUS_GROUP_CARERS = """
LOWMOOR HEALTH BOARD — PATIENT AND PUBLIC INVOLVEMENT REVIEW 2023
Focus group 1: carers
Held at Tarnfield Carers' Centre, 8 February 2023, 10:30-12:00
Present: Facilitator (independent evaluator, Harrow & Lyle Associates); note-taker; five carers (Carer 1 to Carer 5). Names removed. [inaudible] = recording unclear.

Facilitator: Thanks everyone for coming. As I said, we're looking back at how the Health Board has involved carers and patients over the last ten years or so, and what's been learned. Nothing you say will be attributed to you. Shall we start with what you've been involved in?

Carer 1: I look after my husband, he's got Parkinson's and heart trouble. We've got one of the STEP plans, the shared treatment and escalation plan, since about 2017. And I went to the Big Conversation in 2017 and again last year.

Carer 2: My mum has dementia and COPD. I was on the group that wrote the STEP form, back in 2016. There were four of us carers and a couple of patients, with the matrons and a GP.

Carer 3: I care for my son who's twenty-six, he has a learning disability and epilepsy. I've done the Citizens' Panel, well, it's the People's Panel now, for about five years.

Carer 4: I'm just here for the biscuits. No, I look after my wife since her stroke. She was on Ash Ward in 2013 and we were in that film they made.

Carer 5: I care for my dad. I haven't really been involved in anything, I'm here because the carers' centre asked.

Facilitator: That's really helpful, and it's useful to have someone who hasn't been involved as well. Let's start with STEP. What difference, if any, has it made?

Carer 1: Honestly the biggest thing is the named contact. Before, when he went off, I'd ring round everyone. Now there's the community matron's name on the front, and the out-of-hours doctors can see what we've agreed. Last winter the paramedic read it and they treated him at home, which is what he wanted.

Carer 2: [[c4|When we wrote the form the GPs were worried it would take too long, but what we learned is that once doctors had done a few of them the conversation got quicker, not slower, because they stopped guessing what the family wanted.]]

Carer 1: It does depend on who you get, mind.

Carer 2: Oh it does. [[c5|The practices where one GP really believed in it, the plans are kept up to date; where that GP left, the plans just sat in a drawer and nobody reviewed them.]]

Facilitator: Carer 3, you mentioned the panel. What has that been like?

Carer 3: Mixed. I like the meetings, you meet the directors and they do listen. [[c1|But I've had to turn down meetings because I couldn't get anyone to sit with my son, and nobody thought to offer to pay for a sitter until I said it in a meeting.]]

Carer 5: See, that's why people like me don't come.

Carer 3: [[c2|If you only ever hold meetings in the daytime at Kestrel House you're only ever going to get the same faces, and they tend to be people like me who've got the confidence to speak up.]]

Facilitator: What about the Big Conversation?

Carer 1: I liked the Big Conversation. It was in the library round the corner, which makes all the difference.

Carer 4: [[c3|The second time, in 2017, they sent us a booklet afterwards saying what they'd done about each thing, and that's why I went back last year; if they hadn't I wouldn't have bothered.]]

Carer 1: And they said when they couldn't do something, and why. I respected that.

Facilitator: Carer 4, tell us about the film.

Carer 4: We were asked to talk about Ash Ward, the good and the bad. My wife couldn't speak properly then so I did most of it. [[c6|Nobody really warned us how it would feel to see ourselves on a big screen in front of the nurses who'd looked after her, and I think there should have been someone to talk to afterwards.]] But the ward changed things. The visiting hours changed because of us.

Facilitator: That's an important point. Anything else about looking after people who take part?

Carer 2: I'd say we were well looked after on the STEP group. They always put lunch on and paid our bus fares.

Carer 5: Can I say something? My dad's got a STEP plan too, I just didn't know that's what it was called.

Facilitator: Thank you, that's a good place to stop. Thank you all very much.

[End of recording, 1 h 22 min]
"""

FOCUS_GROUP_YOUNG = """
= Lowmoor Health Board: Patient and Public Involvement Review 2023

~ Focus group 2: former Young Health Champions. Held online, 15 February 2023, 18:00-19:10. Moderator: independent evaluator (Harrow & Lyle Associates). Participants: four former Young Health Champions aged 17-22, labelled P1-P4. Transcript edited for readability.

Moderator: Hi all, thanks for joining after college and work. This is about the Young Health Champions, YHC as I think you all called it. Can you say when you joined and what you did?

P1: I was one of the first lot, so that was in Q3 of 2018/19 as the Health Board would say, October 2018. We started as a group of about twelve at Brackenby youth café and we set our own agenda from the start. The first thing we did was redesign the waiting area in the children and young people's mental health service.

P2: I joined in 2020, so mostly online. We made the "what to expect at your first appointment" videos with the CAMHS team, and we ran sessions in schools for the Big Conversation last year, that was after YHC had officially finished but a few of us carried on.

P3: I chaired the group in 2021. We ran it ourselves, there was a youth worker from the Health Board who supported us but we decided what we worked on.

P4: I was only in it for the last year. I helped with the sexual health clinic website.

Moderator: What made it work, when it worked?

P1: [[c4|Honestly, the staff who treated us like colleagues got the best out of us; the ones who just wanted a young person in the photo didn't get anything useful.]]

P3: Yeah. [[c3|We always asked the managers to come back and tell us what had actually changed because of our ideas, and when they did, people stayed in the group.]]

P2: [[c1|Getting vouchers for our time mattered more than people think, because a lot of us had part-time jobs and couldn't just give up a Saturday for nothing.]]

Moderator: And what didn't work so well?

P4: [[c5|The whole thing depended on one youth worker's post, and when her funding ended in March 2022 the group just stopped, even though the managers all said how great it was.]]

P3: [[c2|We were mostly sixth-formers and uni students, and we never really managed to get young people who were actually not in school or in care to join.]]


Moderator: If the Health Board set up something similar again, what would you tell them?

P2: Let young people run it, but give it a proper budget and don't make it depend on one person.


Moderator: Thank you all, that's really useful.
"""

FOCUS_GROUP_PEER = """
Lowmoor Health Board
Patient and Public Involvement Review 2023
Focus group 3: peer recovery workers and mental health staff
Venue: Riverside Resource Centre, Tarnfield. Date: 22 February 2023.
Facilitator: independent evaluator (Harrow & Lyle Associates)
Participants: P1, P2, P3 (Peer Recovery Workers); P4 (community mental health nurse); P5 (consultant psychiatrist)

Facilitator: Thank you for making time. We're interested in the Peer Recovery Workers service, which I understand started in 2015. Could you introduce yourselves briefly?

P1: I was one of the first three peer recovery workers, we started in April 2015. I'd been an inpatient myself a few years before.

P2: I joined in 2018, I work in the Carrick community team.

P3: I've been on the admissions unit since 2021.

P4: Community mental health nurse in Tarnfield, I've worked alongside PRWs for about six years.

P5: Consultant in general adult psychiatry, and I chaired the steering group that set the posts up.

Facilitator: What do peer workers do that others don't?

P1: We sit down with people and help them write their own recovery plan, in their words. A lot of the time it's just that you've been there. Someone on the ward said to me, you're the first person who didn't look at me like a diagnosis.

P4: [[c4|At the start some of my colleagues were frankly suspicious and worried about boundaries and confidentiality, and what changed that was working alongside a peer worker day to day, not any amount of training.]]

P5: [[c4|We had to be clear from the beginning that peer workers are not junior nurses and not volunteers; once the job description said what the role was for, the arguments about what they were allowed to do mostly stopped.]]

Facilitator: What about the peer workers' own wellbeing?

P2: [[c6|You're using your own story every day, so you need supervision from someone who understands lived experience work, not just the same clinical supervision as everyone else.]]


P1: [[c1|For years we were on one-year contracts paid from charitable funds, and you can't build a career, or a service, on that; recurrent funding in 2020 changed how seriously the service was taken.]]

Facilitator: How do you know it's making a difference?

P5: [[c7|Readmission figures were too crude to show what peer workers do, and it took us too long to start collecting measures that patients themselves said were important, such as feeling hopeful and feeling listened to.]]



Facilitator: Thank you. Anything else before we close?

P1: Just that it's still growing. There are eleven of us now.

[Recording ends]
"""

INTERVIEW_RENAL = """
LOWMOOR HEALTH BOARD — PPI REVIEW 2023
Interview 4 of 9. Transcript.
Date: 1 March 2023. Duration: 48 minutes.
Interviewer: evaluator (Harrow & Lyle Associates)
Respondent: Senior Charge Nurse, Renal Unit, Carrick General (also a team member of the heart failure collaborative 2017-2019 while working in cardiology)

Interviewer: Thank you for seeing me. You've worked on two of the initiatives we're looking at. Could we start with the renal unit?

Respondent: Yes. So we started shared haemodialysis care, self-care dialysis as the patients call it, in 2020-21. The idea came from a visit to two English units in 2018, and we wrote a proposal, and then of course COVID hit and we actually started in the autumn of 2020. Patients who want to are trained, at their own pace, to do parts of their own dialysis: setting up the machine, weighing, taking their own blood pressure, and some of them needle themselves. It's set up around what each person wants to take on. At the moment 19 of our 64 in-centre patients do at least five of the fourteen tasks.

Interviewer: What has been learned from it?

Respondent: [[c4|The biggest shift was for the nurses, because we're trained to do things to people, and letting a patient needle themselves while you stand back feels like you are failing at your job until you see how much it means to them.]]


Interviewer: And for the patients?

Respondent: [[c2|It isn't for everyone, and we learned not to push it: some patients see dialysis as the three times a week they get looked after, and that's a legitimate choice.]] One of our patients, he's been on dialysis eleven years, he now teaches the new starters how to prepare their own lines. He says it gave him his Tuesdays back because he can come in at times that suit him.

Interviewer: Let's turn to the heart failure collaborative.

Respondent: That ran from FY2017/18 until the end of 2019. I was on the cardiology ward team. We had a patient, a retired joiner, on our team, and his wife came too. We used "Edna", the persona, a lot. Every change we tested we'd ask, what would this mean for Edna on a Tuesday night?

Respondent: [[c7|Having a patient in the team meant we started measuring things we'd never thought of, like how many days people felt able to leave the house, and those measures were the ones that persuaded the GPs to join.]]

Respondent: [[c5|When the collaborative ended the learning sessions stopped and, within a year, two of the five teams had gone back to how they worked before, because nothing had been built into the normal meeting cycle.]]

Interviewer: Did the patient members have any say in how the collaborative itself was run?

Respondent: They were on the faculty planning group from the second wave.

Interviewer: Thank you, that's very clear.

[End of interview]
"""

ANNUAL_REPORT_2021 = """
= Patient Experience Annual Report 2020/21

~ Lowmoor Health Board. Presented to the Board on 30 September 2021 (paper LHB/21/087).

# Foreword

This has been a year unlike any other. Visiting was restricted for much of 2020/21, volunteers were stood down and most involvement activity moved online. This report describes how people with experience of our services continued to help shape them, and what we learned.

# 1. Our involvement in numbers

1.1 The People's Panel (known as the Citizens' Panel until it was renamed in 2019-20 following a members' vote) has 688 members, up from 530 a year ago. Online meetings doubled attendance from Brackenby, the most rural locality.

1.2 Panel members reviewed 37 patient letters and leaflets during the year, and a group of eight members evaluated the new virtual outpatient clinics, interviewing patients by telephone with a question set they designed themselves.

1.3 1,940 people had a Shared Treatment and Escalation Plan (STEP) in place at 31 March 2021. An audit in Q4 found that 71% recorded what matters to the person in their own words and 64% named a next contact and date.

# 2. New this year: self-care dialysis

2.1 Shared haemodialysis care started at the Carrick General renal unit in October 2020. Patients are trained, if they wish, to carry out parts of their own dialysis treatment; a competency booklet records each task the patient has chosen to take on.

# 3. Complaints and compliments

3.1 We received 1,212 formal complaints (2019/20: 1,406) and 4,870 compliments. Communication and waiting remain the largest themes.

# 4. What we learned this year

4.1 [[c2|Moving meetings online brought in younger and working-age members, but we also lost some of our longest-serving members who do not use the internet, and we will keep a mix of both.]]

4.2 [[c1|The new payment policy for involvement, introduced in April 2020, has been welcomed, but members told us the paperwork for claiming was itself a barrier, and some feared it would affect their benefits.]]

4.3 [[c7|We still cannot show clearly what involvement changes; from 2021/22 every involvement activity will record at least one change it led to, and we will report these to the Board.]]

4.4 [[c3|When the Panel evaluated the virtual clinics, the services that invited members back to hear what had been changed kept their volunteers; the services that did not lost them.]]

4.5 [[c6|Several Panel members who took part in the virtual clinic evaluation heard distressing accounts from patients on the phone, and we learned to offer a debrief call to every interviewer afterwards.]]

# 5. Recommendation

5.1 Recommendation: the Board is asked to note the Patient Experience Annual Report 2020/21 and to approve its publication on the Board's website.
"""

BOARD_2022 = """
= LOWMOOR HEALTH BOARD

~ Public Board Meeting, 24 March 2022. Agenda item 9. Paper LHB/22/031. Status: for discussion and noting.

# Co-production with Patients, Carers and Communities: Review and Proposed Approach 2022-2025

~ Executive lead: Director of Nursing, Midwifery and Patient Experience

## 1. Purpose

1.1 To review the Board's co-production work since the last report (LHB/16/118, November 2016), to report on a learning visit to Sweden, and to seek the Board's support for a co-production approach for 2022-2025.

## 2. Summary of current and recent initiatives

2.1 Peer Recovery Workers. Launched in April 2015 and recurrently funded since 2020/21, the Peer Recovery Workers (PRW) service now employs eleven people with lived experience of mental ill health in community and inpatient mental health teams.

2.2 People's Panel. The Citizens' Panel, renamed the People's Panel in 2019-20, continues to meet the executive team quarterly and has taken on a formal role in evaluating services, most recently virtual outpatient clinics.

2.3 Young Health Champions. The Young Health Champions group was established in Q3 of 2018/19 by young people aged 14-21 with support from a Health Board youth worker. The group chose its own priorities and led the redesign of the CAMHS waiting area and first-appointment information. The post supporting the group was funded non-recurrently and ended in March 2022; the group has been stood down pending a decision on future funding.

2.4 Heart failure improvement collaborative. The collaborative ran from FY2017/18 to December 2019 with patient and carer members in every team. It reduced 30-day readmissions in the participating wards, but gains were not sustained in two of five teams.

2.5 Shared haemodialysis care. Started in 2020-21 in the Carrick renal unit; see the Patient Experience Annual Report 2020/21.

2.6 The Big Conversation. The third round of the Big Conversation is under way (March to May 2022), following the rounds held in 2013 and 2017.

## 3. Learning visit to Region Havsmark, Sweden

3.1 In November 2021 a delegation of two executive directors, two Independent Members and two People's Panel members visited Region Havsmark in western Sweden to learn from its approach.

3.2 Of particular interest was Brukarrevisionen ("the user audit"), in which a local service-user association, rather than the region, plans and carries out audits of adult mental health services. Trained auditors who have themselves used mental health services interview patients and staff and report their findings directly to the clinic management and to the politicians of the region's health committee. The user audit has run in Havsmark since the autumn of 2019.

3.3 The delegation also met members of the region's patient lecturers scheme (Patientföreläsarna), in which patients and relatives are trained and paid to teach on staff induction and leadership courses.

3.4 [[c5|Havsmark's experience suggests that user-led audit only has teeth when the findings go to a named committee that is obliged to respond in writing within a set time.]]

## 4. What we have learned, 2016-2022

4.1 [[c5|Our strongest initiatives have outlived their pilots only where recurrent funding and a named executive owner were agreed before the pilot money ran out; the Young Health Champions show what happens when they are not.]]

4.2 [[c1|Paying people for their time, which the Board agreed in April 2020, has changed who takes part, but payment must be simple and must not put people's benefits at risk.]]

4.3 [[c2|Different methods reach different people: the Panel reaches people who are comfortable in meetings, while the Big Conversation and the Young Health Champions reached people who would never come to a meeting at Kestrel House.]]

4.4 [[c7|The Board has too often been given stories or numbers, rather than both, and future reports on co-production will pair a measured change with an account from the people involved.]]

4.5 [[c6|As we ask more of people with lived experience, we must take seriously the emotional cost of re-telling painful experiences and provide debriefing and support as a matter of course.]]


## 5. Other programmes reported to Committees

5.1 For completeness, the Board is reminded that the theatre productivity and patient flow programme and Project Keystone are reported through the Finance and Performance Committee and the Digital Committee respectively. Neither involved patients in their design; both are expected to benefit patients through shorter waits and fewer duplicate tests.

## 6. Recommendation

6.1 Recommendation: the Board is asked to note the review of co-production since 2016, to note the report of the learning visit to Region Havsmark, and to support the development of a co-production approach for 2022-2025, including a decision on the future of the Young Health Champions, for approval in September 2022.
"""

ESTATES_2019 = """
= Ward 7 Refurbishment, Carrick General Hospital

~ Outline Business Case. Capital Planning and Estates Directorate. Version 1.3, November 2019.

# 1. Executive summary

1.1 Ward 7 is a 28-bed general medical ward built in 1974. It has two single rooms, inadequate isolation facilities and a nurse call system that is no longer supported by the manufacturer. This business case seeks £2.35m of capital in FY2020/21 to refurbish the ward.

1.2 The preferred option adds four en-suite single rooms, replaces the nurse call system, upgrades ventilation and improves the staff base. It will improve infection prevention and control and the environment for patients.

# 2. Strategic case

2.1 The refurbishment supports the Board's estates strategy 2018-2028 and the infection prevention and control plan. It does not change the ward's bed numbers or its model of care.

# 3. Options appraisal

3.1 Four options were appraised by a project group made up of the estates project manager, the ward's senior charge nurse, the infection prevention and control team, a fire safety officer and a finance business partner: (1) do nothing; (2) minimum compliance works; (3) refurbishment with four additional single rooms (preferred); (4) new build.

# 4. Financial case

4.1 Capital cost £2.35m including VAT and optimism bias at 18%. Revenue consequences are neutral. Decant will use Ward 12 over the summer of 2020 to avoid losing beds in winter.

# 5. Management case

5.1 The project will be managed under the Board's capital governance arrangements with monthly reports to the Capital Planning Group and the Finance and Performance Committee.
"""

KEYSTONE_2021 = """
= Project Keystone: Programme Closure Report

~ Lowmoor Health Board Digital Services. Presented to the Digital Committee, 9 December 2021.

# 1. Introduction

Project Keystone replaced the Board's 1990s patient administration system and paper case notes in the acute hospitals with a single electronic patient record. The programme ran from FY2017/18 to 2021/22. Go-live took place in two phases: Carrick General in November 2019 and the community hospitals in June 2021.

# 2. Scope

The programme covered the patient administration system, order communications, electronic prescribing on inpatient wards and a clinical portal. Primary care systems were out of scope.

# 3. Governance

The programme was governed by a Programme Board chaired by the Director of Finance, with a Clinical Design Authority chaired by the Chief Clinical Information Officer. Design decisions were made by 64 clinical and administrative super-users drawn from every directorate. The supplier's implementation team worked on site throughout.

# 4. Benefits

Realised benefits include an 18% fall in duplicate pathology requests, the end of lost case notes in outpatients and faster discharge letters to GPs. The system is expected to improve flow for patients through the hospital by making bed availability visible in real time.

# 5. Lessons for future digital programmes

Super-user time must be backfilled; data migration needs twice the time planned; training must be timed close to go-live. These lessons have been passed to the Digital Committee's programme office.

# 6. Closure

The Digital Committee is asked to approve the closure of Project Keystone and the transfer of the remaining risks to the business-as-usual Digital Services team.
"""

HAVSMARK_NAV = """<div id="cookie-banner" class="cookie-banner" role="dialog">
<p>Vi använder kakor (cookies) för att förbättra webbplatsen. Nödvändiga kakor krävs för att sidan ska fungera. <a href="/om-webbplatsen/kakor/">Läs mer om hur vi använder kakor</a>.</p>
<button type="button">Godkänn alla kakor</button> <button type="button">Endast nödvändiga</button>
</div>
<header class="site-header">
<a class="skip" href="#main">Till innehållet</a>
<a class="logo" href="/">Region Havsmark</a>
<form class="search" action="/sok/"><input type="search" name="q" placeholder="Sök på webbplatsen"><button>Sök</button></form>
<nav class="main-menu" aria-label="Huvudmeny"><ul>
<li><a href="/vard-och-halsa/">Vård och hälsa</a></li>
<li><a href="/kollektivtrafik/">Kollektivtrafik</a></li>
<li><a href="/kultur/">Kultur</a></li>
<li><a href="/politik-och-paverkan/">Politik och påverkan</a></li>
<li><a href="/jobba-hos-oss/">Jobba hos oss</a></li>
<li><a href="/om-regionen/">Om regionen</a></li>
</ul></nav>
<div class="lang"><a href="/lattlast/">Lättläst</a> <a href="/teckensprak/">Teckenspråk</a> <a href="/en/">English</a></div>
</header>"""

HAVSMARK_FOOTER = """<footer class="site-footer">
<p>Region Havsmark, Box 410, 451 81 Strandvik. Telefon växel 0522-40 00 00. Organisationsnummer 232100-0219.</p>
<ul><li><a href="/om-webbplatsen/tillganglighet/">Tillgänglighetsredogörelse</a></li><li><a href="/om-webbplatsen/kakor/">Kakor</a></li><li><a href="/om-webbplatsen/personuppgifter/">Så hanterar vi personuppgifter</a></li><li><a href="/kontakt/">Kontakta oss</a></li></ul>
<p>Följ oss: <a href="#">Facebook</a> <a href="#">Instagram</a> <a href="#">LinkedIn</a></p>
</footer>"""


def havsmark_page(title: str, crumbs: str, body: str, updated: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Region Havsmark</title>
<link rel="stylesheet" href="/static/css/site.css">
</head>
<body>
{HAVSMARK_NAV}
<nav class="breadcrumbs" aria-label="Brödsmulor">{crumbs}</nav>
<main id="main">
{body}
<p class="updated">Sidan uppdaterades: {updated}</p>
</main>
{HAVSMARK_FOOTER}
</body>
</html>
"""


HAVSMARK_BRUKARREVISION = havsmark_page(
    "Brukarrevision i psykiatrin",
    '<a href="/">Start</a> / <a href="/vard-och-halsa/">Vård och hälsa</a> / <a href="/vard-och-halsa/psykiatri/">Psykiatri</a> / Brukarrevision',
    """<h1>Brukarrevision i psykiatrin</h1>
<p class="ingress">I en brukarrevision är det personer med egen erfarenhet av psykisk ohälsa som granskar vården. Brukarrevisionen genomförs av brukarföreningen Ankaret på uppdrag av Region Havsmark.</p>
<h2>Om projektet</h2>
<p>Brukarrevisionen har pågått sedan hösten 2019. Föreningen Ankaret planerar och leder varje revision. Revisorerna har själva erfarenhet av att vara patienter inom psykiatrin och har gått en utbildning i intervjuteknik och granskning.</p>
<h2>Så arbetar vi</h2>
<ul>
<li>Föreningen väljer tillsammans med verksamheten ett tema, till exempel delaktighet i vårdplanering eller bemötande vid inskrivning.</li>
<li>Revisorerna intervjuar patienter, närstående och personal.</li>
<li>Resultatet presenteras för verksamhetens ledning och för hälso- och sjukvårdsnämnden.</li>
<li>Verksamheten lämnar ett skriftligt svar inom tre månader om vad den tänker göra.</li>
</ul>
<p>Hittills har sju brukarrevisioner genomförts vid vuxenpsykiatrins mottagningar och vårdavdelningar.</p>
<h2>Det här har vi lärt oss</h2>
<p>[[c3|Det skriftliga svaret från verksamheten är avgörande, för utan det vet revisorerna aldrig om granskningen ledde till någon förändring.]]</p>
<h2>Kontakt</h2>
<p>Brukarföreningen Ankaret, telefon 0522-41 23 45. Samordnare för brukarinflytande, Psykiatri Havsmark.</p>""",
    "2023-04-12",
)

HAVSMARK_FORELASARE = havsmark_page(
    "Patientföreläsare",
    '<a href="/">Start</a> / <a href="/jobba-hos-oss/">Jobba hos oss</a> / <a href="/jobba-hos-oss/utbildning/">Kompetensutveckling</a> / Patientföreläsare',
    """<h1>Patientföreläsarna</h1>
<p class="ingress">Patientföreläsarna är patienter och närstående som berättar om sina erfarenheter av vården för medarbetare och chefer i Region Havsmark.</p>
<h2>Om verksamheten</h2>
<p>Patientföreläsarna startade 2017 som en del av regionens introduktion för nyanställda. I dag medverkar föreläsarna även i ledarskapsutbildningen och i utbildningen av AT- och ST-läkare. Det finns just nu 23 patientföreläsare.</p>
<p>Alla patientföreläsare går en kurs på två dagar där de får stöd i att berätta sin historia och att leda samtal med personalen efteråt. Föreläsarna får arvode och ersättning för resor.</p>
<h2>Boka en patientföreläsare</h2>
<p>Chefer och utbildningsansvariga kan boka en föreläsare via kompetensenheten. Ange datum, målgrupp och tema.</p>
<h2>Erfarenheter</h2>
<p>[[c6|Att berätta om svåra upplevelser om och om igen kan vara tungt, och därför erbjuds alla föreläsare samtal med en samordnare efter varje uppdrag.]]</p>""",
    "2022-11-03",
)

HAVSMARK_OVERSIKT = havsmark_page(
    "Patientmedverkan i Region Havsmark",
    '<a href="/">Start</a> / <a href="/vard-och-halsa/">Vård och hälsa</a> / Patientmedverkan',
    """<h1>Patientmedverkan</h1>
<p class="ingress">Patienter, närstående och brukarorganisationer är viktiga för att utveckla vården i Region Havsmark. Här kan du läsa om hur vi arbetar.</p>
<h2>Så arbetar vi</h2>
<p>Region Havsmark arbetar med patientmedverkan på flera sätt. Här är två exempel.</p>
<ul>
<li><a href="/vard-och-halsa/psykiatri/brukarrevision/">Brukarrevision i psykiatrin</a> – sedan hösten 2019 granskar personer med egen erfarenhet psykiatrins verksamheter.</li>
<li><a href="/jobba-hos-oss/utbildning/patientforelasare/">Patientföreläsare</a> – patienter och närstående undervisar medarbetare och chefer.</li>
</ul>
<h2>Besök från Storbritannien</h2>
<p>I november 2021 tog regionen emot en delegation från Lowmoor Health Board i Storbritannien som ville lära sig mer om brukarrevision och patientföreläsare. Delegationen träffade revisorer från föreningen Ankaret och två av våra patientföreläsare.</p>
<h2>Det här har vi lärt oss</h2>
<p>[[c2|Vi behöver nå fler än de som redan är engagerade i en patientförening, till exempel unga och personer som inte talar svenska.]]</p>
<p>[[c7|Det är svårt att mäta vad patientmedverkan leder till, men vi följer nu upp varje brukarrevision med en enkät till verksamheten efter ett år.]]</p>
<h2>In English</h2>
<p>Region Havsmark works with patients, relatives and user organisations to improve care. Read more about the user audit in psychiatry (Brukarrevisionen) and our patient lecturers on the pages above (in Swedish).</p>""",
    "2023-02-20",
)

HAVSMARK_AKUT = havsmark_page(
    "Ny akutmottagning vid Strandviks sjukhus",
    '<a href="/">Start</a> / <a href="/om-regionen/">Om regionen</a> / <a href="/om-regionen/byggprojekt/">Byggprojekt</a> / Ny akutmottagning',
    """<h1>Ny akutmottagning vid Strandviks sjukhus</h1>
<p class="ingress">Region Havsmark bygger en ny akutmottagning vid Strandviks sjukhus. Den nya mottagningen ska ge bättre flöden för patienterna och en bättre arbetsmiljö för personalen.</p>
<h2>Om projektet</h2>
<p>Byggstart var i mars 2021 och inflyttning planeras till hösten 2024. Den nya akutmottagningen får 42 behandlingsrum, en separat del för barn och en egen ingång för ambulanser. Projektet leds av regionens fastighetsförvaltning tillsammans med akutklinikens ledning. Kostnaden beräknas till 610 miljoner kronor.</p>
<h2>Så påverkas du</h2>
<p>Under byggtiden är infarten till sjukhuset flyttad. Följ skyltningen mot Entré Norr. Parkeringen vid Entré Syd är avstängd.</p>
<h2>Tidplan</h2>
<ul><li>2021–2022: Markarbeten och stomme</li><li>2023: Installationer och inredning</li><li>2024: Inflyttning</li></ul>""",
    "2023-09-01",
)

STRATEGY_MD = """
# Lowmoor Health Board — Co-production Approach 2022-2025

*Draft for consultation, July 2022. Prepared by the Patient Experience Team with the People's Panel co-production working group.*

## Why this approach

Lowmoor has worked with patients, carers and communities for more than a decade, from the stroke rehabilitation co-design project (2012-2016) to the Peer Recovery Workers, STEP plans and the Young Health Champions. This draft sets out how we will make co-production the normal way of working rather than the exception.

## Our commitments

1. Every new service change over £250k will show how people with lived experience were involved in designing it.
2. We will pay people for their time at a standard rate and handle claims within ten working days.
3. Every involvement activity will end with a "what changed" note to the people who took part.
4. We will offer a debrief after any activity in which people share personal experiences.

## What the working group told us

- [[c1|Budgets for involvement need to be set at the start of a project, because asking for money for expenses halfway through sends the message that patients are an afterthought.]]
- [[c3|People want to hear back even when the answer is no; being told why something cannot change is far better than hearing nothing.]]
- [[c7|Measures of success should be chosen with patients at the start, not added by managers at the end.]]

## How to respond

Comments to the Patient Experience Team, Kestrel House, Carrick, by 30 September 2022.
"""

INTERVIEW_PANEL_DOCX = """
= PPI Review 2023: Interview 7 transcript

~ Date: 9 March 2023. Interviewer: evaluator (Harrow & Lyle Associates). Respondent: Chair of the People's Panel since 2019, panel member since 2015. Transcript lightly edited.

Interviewer: How did you come to be involved with the panel?

Respondent: I saw a poster in the library in 2015. It was still the Citizens' Panel then. I'd just retired from the council and I thought, well, I've complained enough about the NHS, let's see if I can help. We changed the name to the People's Panel in 2019-20 because some members felt "citizen" shut people out, people waiting on their settled status for example.

Interviewer: What has the panel done that you're proud of?

Respondent: The virtual clinics evaluation. We designed the questions ourselves, we phoned 140 patients, and we told the outpatient managers things they didn't want to hear. And they changed the appointment letters because of it.

Interviewer: What would you say has been learned over the years?

Respondent: [[c4|The executives had to learn that we are not there to rubber-stamp decisions, and it took a couple of years of us saying "no, go back and think again" before they brought things to us early enough to change them.]]

Respondent: [[c2|We also learned that the panel can't speak for everyone, so now when something affects a particular group we go out to them rather than assuming we know.]]


Interviewer: And looking ahead?

Respondent: [[c5|It has to survive changes of chief executive; we've had three since I joined, and each time we've had to make the case all over again.]]

Interviewer: Thank you.
"""

DOCUMENTS = [
    ("board_paper_LHB-16-118_involvement_progress.docx", BOARD_2016),
    ("QSE_committee_minutes_2018-03-14.txt", MINUTES_QC_2018),
    ("finance_performance_minutes_jan2020.md", FINANCE_MINUTES_2020),
    ("lowmoor_link_issue41.md", NEWSLETTER_2017),
    ("news_big_conversation_2022.html", PRESS_2022),
    ("fg1_carers_tarnfield.txt", FOCUS_GROUP_CARERS),
    ("fg2_young_health_champions.docx", FOCUS_GROUP_YOUNG),
    ("fg3_peer_recovery.txt", FOCUS_GROUP_PEER),
    ("interview_04_renal.txt", INTERVIEW_RENAL),
    ("interview_07_panel_chair.docx", INTERVIEW_PANEL_DOCX),
    ("patient_experience_annual_report_2020-21.pdf", ANNUAL_REPORT_2021),
    ("board_paper_LHB-22-031_coproduction_review.pdf", BOARD_2022),
    ("ward7_outline_business_case_v1.3.pdf", ESTATES_2019),
    ("keystone_closure_report.docx", KEYSTONE_2021),
    ("coproduction_approach_2022-25_draft.md", STRATEGY_MD),
    ("havsmark_brukarrevision.html", HAVSMARK_BRUKARREVISION),
    ("havsmark_patientforelasare.html", HAVSMARK_FORELASARE),
    ("havsmark_patientmedverkan.html", HAVSMARK_OVERSIKT),
    ("havsmark_ny_akutmottagning.html", HAVSMARK_AKUT),
]


def _i(id_, name, aliases, start, end, active, ongoing, methods, levels, roles, docs):
    return {
        "id": id_,
        "name": name,
        "aliases": aliases,
        "start": start,
        "end": end,
        "active_years": active,
        "ongoing": ongoing,
        "methods": methods,
        "levels": levels,
        "ppe_roles": roles,
        "documents": sorted(docs),
    }


GOLD_INITIATIVES = [
    _i(
        "i01",
        "Experience-based co-design in stroke rehabilitation (Ash Ward)",
        [
            "stroke rehabilitation co-design project",
            "Experience-based co-design",
            "EBCD",
            "stroke rehabilitation co-design",
            "Ash Ward",
        ],
        2012,
        2016,
        [],
        False,
        ["co_design", "storytelling"],
        ["micro", "meso"],
        ["informant", "co_designer"],
        [
            "board_paper_LHB-16-118_involvement_progress.docx",
            "lowmoor_link_issue41.md",
            "fg1_carers_tarnfield.txt",
            "coproduction_approach_2022-25_draft.md",
        ],
    ),
    _i(
        "i02",
        "Peer Recovery Workers (PRW)",
        ["Peer Recovery Workers", "PRW", "peer recovery workers", "peer recovery worker"],
        2015,
        None,
        [],
        True,
        ["ppe_as_staff", "person_centred_care"],
        ["micro", "meso"],
        ["staff"],
        [
            "finance_performance_minutes_jan2020.md",
            "fg3_peer_recovery.txt",
            "board_paper_LHB-22-031_coproduction_review.pdf",
            "coproduction_approach_2022-25_draft.md",
        ],
    ),
    _i(
        "i03",
        "People's Panel (formerly Citizens' Panel)",
        ["Citizens' Panel", "People's Panel", "Lowmoor Citizens' Panel"],
        2014,
        None,
        [],
        True,
        ["dialogue_meetings", "co_evaluation"],
        ["macro"],
        ["informant", "evaluator"],
        [
            "board_paper_LHB-16-118_involvement_progress.docx",
            "patient_experience_annual_report_2020-21.pdf",
            "board_paper_LHB-22-031_coproduction_review.pdf",
            "interview_07_panel_chair.docx",
            "fg1_carers_tarnfield.txt",
            "QSE_committee_minutes_2018-03-14.txt",
        ],
    ),
    _i(
        "i04",
        "Shared Treatment and Escalation Plans (STEP)",
        [
            "Shared Treatment and Escalation Plans",
            "STEP",
            "STEP plan",
            "shared treatment and escalation plan",
        ],
        2016,
        None,
        [],
        True,
        ["care_agreement", "person_centred_care", "co_design"],
        ["micro"],
        ["participant", "co_designer"],
        [
            "board_paper_LHB-16-118_involvement_progress.docx",
            "fg1_carers_tarnfield.txt",
            "patient_experience_annual_report_2020-21.pdf",
            "coproduction_approach_2022-25_draft.md",
        ],
    ),
    _i(
        "i05",
        "The Big Conversation",
        ["Big Conversation", "the Big Conversation"],
        2013,
        2022,
        [2013, 2017, 2022],
        False,
        ["dialogue_meetings"],
        ["macro"],
        ["participant", "informant"],
        [
            "board_paper_LHB-16-118_involvement_progress.docx",
            "lowmoor_link_issue41.md",
            "news_big_conversation_2022.html",
            "fg1_carers_tarnfield.txt",
            "board_paper_LHB-22-031_coproduction_review.pdf",
        ],
    ),
    _i(
        "i06",
        "Young Health Champions (YHC)",
        ["Young Health Champions", "YHC"],
        2018,
        2022,
        [],
        False,
        ["ppe_driven", "co_design"],
        ["meso"],
        ["leader", "co_designer"],
        [
            "fg2_young_health_champions.docx",
            "board_paper_LHB-22-031_coproduction_review.pdf",
            "news_big_conversation_2022.html",
            "coproduction_approach_2022-25_draft.md",
        ],
    ),
    _i(
        "i07",
        "Heart failure improvement collaborative",
        ["heart failure improvement collaborative", "heart failure collaborative"],
        2017,
        2019,
        [],
        False,
        ["quality_improvement", "personas"],
        ["meso"],
        ["co_designer", "participant"],
        [
            "QSE_committee_minutes_2018-03-14.txt",
            "interview_04_renal.txt",
            "board_paper_LHB-22-031_coproduction_review.pdf",
        ],
    ),
    _i(
        "i08",
        "Shared haemodialysis care (self-care dialysis)",
        ["shared haemodialysis care", "Shared haemodialysis care", "self-care dialysis"],
        2020,
        None,
        [],
        True,
        ["self_management", "person_centred_care", "learning_education"],
        ["micro"],
        ["participant"],
        [
            "interview_04_renal.txt",
            "patient_experience_annual_report_2020-21.pdf",
            "board_paper_LHB-22-031_coproduction_review.pdf",
        ],
    ),
    _i(
        "i09",
        "Brukarrevisionen (user audit in psychiatry, Region Havsmark)",
        [
            "Brukarrevisionen",
            "brukarrevision",
            "Brukarrevision i psykiatrin",
            "user audit",
            "user-led audit",
        ],
        2019,
        None,
        [],
        True,
        ["co_evaluation", "ppe_driven"],
        ["meso"],
        ["evaluator", "leader"],
        [
            "havsmark_brukarrevision.html",
            "havsmark_patientmedverkan.html",
            "board_paper_LHB-22-031_coproduction_review.pdf",
        ],
    ),
    _i(
        "i10",
        "Patientföreläsarna (patient lecturers, Region Havsmark)",
        ["Patientföreläsarna", "patientföreläsare", "Patientföreläsare", "patient lecturers"],
        2017,
        None,
        [],
        True,
        ["learning_education", "storytelling"],
        ["meso"],
        ["educator"],
        [
            "havsmark_patientforelasare.html",
            "havsmark_patientmedverkan.html",
            "board_paper_LHB-22-031_coproduction_review.pdf",
        ],
    ),
    _i(
        "i11",
        "Co-production Approach 2022-2025 (drafted with the People's Panel working group)",
        ["Co-production Approach 2022-2025", "co-production approach for 2022-2025"],
        2022,
        None,
        [],
        True,
        ["co_design"],
        ["macro"],
        ["co_designer"],
        [
            "coproduction_approach_2022-25_draft.md",
            "board_paper_LHB-22-031_coproduction_review.pdf",
        ],
    ),
]

GOLD_NON_INITIATIVES = [
    {
        "name": "Project Keystone (electronic patient record replacement)",
        "documents": [
            "QSE_committee_minutes_2018-03-14.txt",
            "board_paper_LHB-22-031_coproduction_review.pdf",
            "keystone_closure_report.docx",
        ],
    },
    {
        "name": "Theatre productivity and patient flow programme",
        "documents": [
            "board_paper_LHB-22-031_coproduction_review.pdf",
            "finance_performance_minutes_jan2020.md",
        ],
    },
    {
        "name": "Ward 7 refurbishment, Carrick General",
        "documents": [
            "finance_performance_minutes_jan2020.md",
            "ward7_outline_business_case_v1.3.pdf",
        ],
    },
    {
        "name": "Ny akutmottagning vid Strandviks sjukhus (new emergency department)",
        "documents": ["havsmark_ny_akutmottagning.html"],
    },
]
