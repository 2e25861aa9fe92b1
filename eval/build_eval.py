#!/usr/bin/env python3
"""Generate and validate eval/pairs.tsv and eval/clusters.tsv.

The labelled data lives in this file (PAIRS_POS, PAIRS_NEG, CLUSTERS) so that
it can be reviewed as plain text; the committed artefacts are the two TSVs.

    python3 eval/build_eval.py          # rewrite both TSVs and print a summary
    python3 eval/build_eval.py --check  # validate the committed TSVs only

Pair lines:    name1 | name2 | category | source
Cluster lines: "@cluster_id" starts a cluster, then "mention | doc" (doc may
be empty).
"""
import collections
import pathlib
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent

POS_CATS = ["translit", "script", "diacritics", "title", "order", "partial",
            "initial", "typo", "glued", "nickname", "variant", "org"]
NEG_CATS = ["regnal", "namesake_given", "same_surname", "similar",
            "person_org", "generational", "initial_conflict", "short"]
SOURCES = ["wikidata", "news", "seed", "constructed"]

# ---------------------------------------------------------------- label 1
PAIRS_POS = """
# translit: romanisation variants of one name
Muammar Gaddafi | Muammar Qaddafi | translit | wikidata
Muammar Gaddafi | Moammar Kadhafi | translit | news
Muammar al-Gaddafi | Muammar Gadhafi | translit | news
Moammar Gadhafi | Muammar al-Qadhafi | translit | wikidata
Mouammar Kadhafi | Muammar Gaddafi | translit | news
Nikita Khrushchev | Nikita Chruschtschow | translit | wikidata
Nikita Khrushchev | Nikita Khrouchtchev | translit | wikidata
Pyotr Ilyich Tchaikovsky | Pyotr Ilyich Chaikovsky | translit | wikidata
Pyotr Tchaikovsky | Pjotr Tschaikowski | translit | wikidata
Volodymyr Zelensky | Volodymyr Zelenskyy | translit | wikidata
Volodymyr Zelenskyy | Wolodymyr Selenskyj | translit | wikidata
Volodymyr Zelensky | Volodymyr Zelenskiy | translit | news
Mikhail Gorbachev | Michail Gorbatschow | translit | wikidata
Boris Yeltsin | Boris Jelzin | translit | wikidata
Boris Yeltsin | Boris Eltsine | translit | wikidata
Alexei Navalny | Aleksei Navalny | translit | wikidata
Alexei Navalny | Alexej Nawalny | translit | wikidata
Sergei Lavrov | Sergey Lavrov | translit | wikidata
Sergei Shoigu | Sergey Shoygu | translit | wikidata
Dmitry Medvedev | Dmitri Medwedew | translit | wikidata
Dmitry Medvedev | Dmitrii Medvedev | translit | news
Fyodor Dostoevsky | Fyodor Dostoyevsky | translit | wikidata
Fyodor Dostoevsky | Fiodor Dostoïevski | translit | wikidata
Lev Tolstoy | Lev Tolstoi | translit | wikidata
Anton Chekhov | Anton Tschechow | translit | wikidata
Leonid Brezhnev | Leonid Breschnew | translit | wikidata
Sergei Rachmaninoff | Sergei Rachmaninov | translit | wikidata
Modest Mussorgsky | Modest Musorgsky | translit | wikidata
Nikolai Rimsky-Korsakov | Nikolay Rimsky-Korsakov | translit | wikidata
Andrei Gromyko | Andrej Gromyko | translit | wikidata
Yevgeny Prigozhin | Evgeny Prigozhin | translit | news
Yevgeny Prigozhin | Jewgeni Prigoschin | translit | wikidata
Viktor Yanukovych | Viktor Yanukovich | translit | news
Viktor Yanukovych | Wiktor Janukowytsch | translit | wikidata
Yulia Tymoshenko | Yuliya Tymoshenko | translit | wikidata
Yulia Tymoshenko | Julia Timoschenko | translit | wikidata
Kassym-Jomart Tokayev | Qasym-Jomart Toqaev | translit | wikidata
Nursultan Nazarbayev | Nursultan Nazarbaev | translit | news
Islam Karimov | Islom Karimov | translit | wikidata
Shavkat Mirziyoyev | Shavkat Mirziyoev | translit | news
Ramzan Kadyrov | Ramsan Kadyrow | translit | wikidata
Hassan Rouhani | Hassan Rohani | translit | wikidata
Mahmoud Ahmadinejad | Mahmud Ahmadinedschad | translit | wikidata
Ali Khamenei | Ali Chamenei | translit | wikidata
Ebrahim Raisi | Ebrahim Raeisi | translit | wikidata
Ebrahim Raisi | Ibrahim Raisi | translit | news
Mohammad Javad Zarif | Mohammad Dschawad Sarif | translit | wikidata
Qasem Soleimani | Qassem Suleimani | translit | wikidata
Qasem Soleimani | Ghasem Soleimani | translit | news
Mohammad Bagher Ghalibaf | Mohammad Baqer Qalibaf | translit | wikidata
Masoud Pezeshkian | Masud Pezeshkian | translit | news
Osama bin Laden | Usama bin Ladin | translit | wikidata
Ayman al-Zawahiri | Ayman al-Zawahri | translit | news
Hosni Mubarak | Husni Mubarak | translit | wikidata
Gamal Abdel Nasser | Jamal Abd al-Nasir | translit | wikidata
Yasser Arafat | Yasir Arafat | translit | wikidata
Hafez al-Assad | Hafiz al-Asad | translit | wikidata
Bashar al-Assad | Bashar al-Asad | translit | news
Nouri al-Maliki | Nuri al-Maliki | translit | wikidata
Moqtada al-Sadr | Muqtada al-Sadr | translit | wikidata
Fayez el Sarraj | Fayez al-Sarraj | translit | seed
Fayez el Sarraj | Fayez Serraj | translit | seed
Fayez al-Sarraj | Fayez al-Serraj | translit | news
Khalifa Haftar | Khalifa Hafter | translit | seed
Khalifa Haftar | Khalifa Hiftar | translit | news
Abdel Fattah el-Sisi | Abdel Fattah al-Sisi | translit | news
Abdel Fattah el-Sisi | Abd al-Fattah as-Sisi | translit | wikidata
Abdelaziz Bouteflika | Abd al-Aziz Bouteflika | translit | wikidata
Mohammed VI | Muhammad VI | translit | wikidata
Mohammed V | Muhammad V | translit | wikidata
Hassan II | Hasan II | translit | wikidata
Abdellatif Loudiyi | Abdeltif Loudyi | translit | seed
Abdellatif Loudiyi | Abdellatif Loudyi | translit | seed
Abdeltif Loudyi | Abdellatif Loudyi | translit | seed
Nasser Bourita | Naser Burita | translit | news
Rafic Hariri | Rafiq al-Hariri | translit | wikidata
Saad Hariri | Saad al-Hariri | translit | news
Hassan Nasrallah | Hasan Nasrallah | translit | wikidata
Nabih Berri | Nabih Birri | translit | wikidata
Mahmoud Abbas | Mahmud Abbas | translit | wikidata
Ismail Haniyeh | Ismail Haniya | translit | wikidata
Shehbaz Sharif | Shahbaz Sharif | translit | news
Kim Jong-un | Kim Jong Un | translit | news
Kim Jong-un | Kim Jong-woon | translit | news
Kim Il-sung | Kim Il Sung | translit | wikidata
Kim Il-sung | Kim Ir-sen | translit | wikidata
Mao Zedong | Mao Tse-tung | translit | wikidata
Deng Xiaoping | Teng Hsiao-ping | translit | wikidata
Chiang Kai-shek | Jiang Jieshi | translit | wikidata
Zhou Enlai | Chou En-lai | translit | wikidata
Lee Myung-bak | Yi Myeong-bak | translit | wikidata
Park Geun-hye | Bak Geun-hye | translit | wikidata
Syngman Rhee | Yi Seung-man | translit | wikidata
Moon Jae-in | Mun Jae-in | translit | wikidata
Roh Moo-hyun | No Mu-hyeon | translit | wikidata
Yoon Suk Yeol | Yun Seok-yeol | translit | wikidata
Haile Selassie | Haile Sellassie | translit | wikidata
Hailemariam Desalegn | Hailemariam Dessalegn | translit | news
Isaias Afwerki | Isaias Afewerki | translit | news
Sukarno | Soekarno | translit | wikidata
Suharto | Soeharto | translit | wikidata
Megawati Sukarnoputri | Megawati Soekarnoputri | translit | wikidata
# script: native script vs Latin
Владимир Путин | Vladimir Putin | script | wikidata
Путин Владимир Владимирович | Vladimir Putin | script | wikidata
Сергей Лавров | Sergey Lavrov | script | wikidata
Дмитрий Медведев | Dmitry Medvedev | script | wikidata
Михаил Горбачёв | Mikhail Gorbachev | script | wikidata
Борис Ельцин | Boris Yeltsin | script | wikidata
Алексей Навальный | Alexei Navalny | script | wikidata
Сергей Шойгу | Sergei Shoigu | script | wikidata
Рамзан Кадыров | Ramzan Kadyrov | script | wikidata
Евгений Пригожин | Yevgeny Prigozhin | script | wikidata
Александр Лукашенко | Alexander Lukashenko | script | wikidata
Аляксандр Лукашэнка | Alyaksandr Lukashenka | script | wikidata
Володимир Зеленський | Volodymyr Zelenskyy | script | wikidata
Владимир Зеленский | Volodymyr Zelensky | script | news
Юлія Тимошенко | Yulia Tymoshenko | script | wikidata
Віталій Кличко | Vitali Klitschko | script | wikidata
Αλέξης Τσίπρας | Alexis Tsipras | script | wikidata
Κυριάκος Μητσοτάκης | Kyriakos Mitsotakis | script | wikidata
Ανδρέας Παπανδρέου | Andreas Papandreou | script | wikidata
Γιάνης Βαρουφάκης | Yanis Varoufakis | script | wikidata
محمود عباس | Mahmoud Abbas | script | wikidata
بشار الأسد | Bashar al-Assad | script | wikidata
معمر القذافي | Muammar Gaddafi | script | wikidata
محمد السادس | Mohammed VI | script | wikidata
محمد بن سلمان | Mohammed bin Salman | script | wikidata
محمد بن زايد | Mohamed bin Zayed | script | wikidata
فايز السراج | Fayez al-Sarraj | script | wikidata
خليفة حفتر | Khalifa Haftar | script | wikidata
عبد اللطيف لوديي | Abdellatif Loudiyi | script | news
ناصر بوريطة | Nasser Bourita | script | news
خواجہ محمد آصف | Khawaja Muhammad Asif | script | wikidata
عبد الفتاح السيسي | Abdel Fattah el-Sisi | script | wikidata
صدام حسين | Saddam Hussein | script | wikidata
حسن روحانی | Hassan Rouhani | script | wikidata
علی خامنه‌ای | Ali Khamenei | script | wikidata
محمدجواد ظریف | Mohammad Javad Zarif | script | wikidata
محمود احمدی‌نژاد | Mahmoud Ahmadinejad | script | wikidata
בנימין נתניהו | Benjamin Netanyahu | script | wikidata
יצחק רבין | Yitzhak Rabin | script | wikidata
שמעון פרס | Shimon Peres | script | wikidata
גולדה מאיר | Golda Meir | script | wikidata
יאיר לפיד | Yair Lapid | script | wikidata
习近平 | Xi Jinping | script | wikidata
李克强 | Li Keqiang | script | wikidata
毛泽东 | Mao Zedong | script | wikidata
毛澤東 | Mao Tse-tung | script | wikidata
邓小平 | Deng Xiaoping | script | wikidata
蔡英文 | Tsai Ing-wen | script | wikidata
賴清德 | Lai Ching-te | script | wikidata
김정은 | Kim Jong-un | script | wikidata
김일성 | Kim Il-sung | script | wikidata
김정일 | Kim Jong-il | script | wikidata
문재인 | Moon Jae-in | script | wikidata
윤석열 | Yoon Suk Yeol | script | wikidata
이재명 | Lee Jae-myung | script | wikidata
岸田文雄 | Fumio Kishida | script | wikidata
安倍晋三 | Shinzo Abe | script | wikidata
नरेन्द्र मोदी | Narendra Modi | script | wikidata
Նիկոլ Փաշինյան | Nikol Pashinyan | script | wikidata
ბიძინა ივანიშვილი | Bidzina Ivanishvili | script | wikidata
ዐቢይ አሕመድ | Abiy Ahmed | script | wikidata
ประยุทธ์ จันทร์โอชา | Prayut Chan-o-cha | script | wikidata
# diacritics: accents present / stripped / expanded
Juvénal Marizamunda | Juvenal Marizamunda | diacritics | seed
Recep Tayyip Erdoğan | Recep Tayyip Erdogan | diacritics | wikidata
François Hollande | Francois Hollande | diacritics | wikidata
Gabriel García Márquez | Gabriel Garcia Marquez | diacritics | wikidata
Raúl Castro | Raul Castro | diacritics | wikidata
José Mujica | Jose Mujica | diacritics | wikidata
Andrés Manuel López Obrador | Andres Manuel Lopez Obrador | diacritics | wikidata
Luiz Inácio Lula da Silva | Luiz Inacio Lula da Silva | diacritics | wikidata
Sebastián Piñera | Sebastian Pinera | diacritics | news
Nicolás Maduro | Nicolas Maduro | diacritics | wikidata
Hugo Chávez | Hugo Chavez | diacritics | wikidata
Gerhard Schröder | Gerhard Schroeder | diacritics | wikidata
Gerhard Schröder | Gerhard Schroder | diacritics | news
Jürgen Habermas | Juergen Habermas | diacritics | news
Kurt Gödel | Kurt Goedel | diacritics | wikidata
Lech Wałęsa | Lech Walesa | diacritics | wikidata
Władysław Kosiniak-Kamysz | Wladyslaw Kosiniak-Kamysz | diacritics | news
Václav Havel | Vaclav Havel | diacritics | wikidata
Viktor Orbán | Viktor Orban | diacritics | wikidata
Nguyễn Phú Trọng | Nguyen Phu Trong | diacritics | wikidata
Võ Nguyên Giáp | Vo Nguyen Giap | diacritics | wikidata
Hồ Chí Minh | Ho Chi Minh | diacritics | wikidata
Félix Tshisekedi | Felix Tshisekedi | diacritics | wikidata
Faure Gnassingbé | Faure Gnassingbe | diacritics | wikidata
Léopold Sédar Senghor | Leopold Sedar Senghor | diacritics | wikidata
Blaise Compaoré | Blaise Compaore | diacritics | wikidata
Laurent-Désiré Kabila | Laurent-Desire Kabila | diacritics | wikidata
Assimi Goïta | Assimi Goita | diacritics | news
Søren Kierkegaard | Soren Kierkegaard | diacritics | wikidata
Jonas Gahr Støre | Jonas Gahr Store | diacritics | news
Ahmet Davutoğlu | Ahmet Davutoglu | diacritics | wikidata
Mevlüt Çavuşoğlu | Mevlut Cavusoglu | diacritics | wikidata
Kemal Kılıçdaroğlu | Kemal Kilicdaroglu | diacritics | wikidata
Mustafa Kemal Atatürk | Mustafa Kemal Ataturk | diacritics | wikidata
Pedro Sánchez | Pedro Sanchez | diacritics | wikidata
José Manuel Durão Barroso | Jose Manuel Durao Barroso | diacritics | wikidata
António Guterres | Antonio Guterres | diacritics | wikidata
Zinédine Zidane | Zinedine Zidane | diacritics | wikidata
Ségolène Royal | Segolene Royal | diacritics | wikidata
Ólafur Ragnar Grímsson | Olafur Ragnar Grimsson | diacritics | wikidata
ʿAbd al-ʿAzīz ibn Saʿūd | Abd al-Aziz ibn Saud | diacritics | wikidata
# title: ranks, honorifics and roles
Brig. Gen. Patrick Karuretwa | Patrick Karuretwa | title | seed
Maj. Gen. Vincent Nyakarundi | Vincent Nyakarundi | title | seed
Marshal Khalifa Haftar | Khalifa Haftar | title | seed
King Mohammed VI | Mohammed VI | title | seed
Minister of Defense Juvenal Marizamunda | Juvenal Marizamunda | title | seed
Defence Minister Khawaja Muhammad Asif | Khawaja Muhammad Asif | title | seed
Defence Minister Khawaja Asif | Khawaja Asif | title | seed
Brigadier General Abdelghani Mouhib | Abdelghani Mouhib | title | seed
Brig. Gen. Abdelghani Mouhib | Brigadier General Abdelghani Mouhib | title | seed
Secretary of Defense Mark Esper | Mark Esper | title | seed
Foreign Minister Nasser Bourita | Nasser Bourita | title | seed
Defence Minister Abdeltif Loudyi | Abdellatif Loudiyi | title | seed
Sheikh Tamim bin Hamad Al Thani | Tamim bin Hamad Al Thani | title | wikidata
Emir Tamim bin Hamad Al Thani | Sheikh Tamim bin Hamad Al Thani | title | news
Crown Prince Mohammed bin Salman | Mohammed bin Salman | title | news
Sheikh Mohamed bin Zayed Al Nahyan | Mohamed bin Zayed Al Nahyan | title | wikidata
Dr. Tedros Adhanom Ghebreyesus | Tedros Adhanom Ghebreyesus | title | news
President Vladimir Putin | Vladimir Putin | title | news
President Emmanuel Macron | Emmanuel Macron | title | news
Chancellor Olaf Scholz | Olaf Scholz | title | news
Prime Minister Narendra Modi | Narendra Modi | title | news
Shri Narendra Modi | Narendra Modi | title | news
Ayatollah Ali Khamenei | Ali Khamenei | title | wikidata
Grand Ayatollah Ali al-Sistani | Ali al-Sistani | title | wikidata
Queen Elizabeth II | Elizabeth II | title | wikidata
King Charles III | Charles III | title | wikidata
Sir Keir Starmer | Keir Starmer | title | news
Lt. Gen. Abdel Fattah al-Burhan | Abdel Fattah al-Burhan | title | news
Field Marshal Abdel Fattah el-Sisi | Abdel Fattah el-Sisi | title | news
Gen. Mohamed Hamdan Dagalo | Mohamed Hamdan Dagalo | title | news
Col. Assimi Goïta | Assimi Goïta | title | news
Capt. Ibrahim Traoré | Ibrahim Traoré | title | news
Gen. Abdourahamane Tiani | Abdourahamane Tiani | title | news
Chairman Kim Jong-un | Kim Jong-un | title | news
Prof. Muhammad Yunus | Muhammad Yunus | title | news
Dr. Abiy Ahmed | Abiy Ahmed | title | news
H.E. Paul Kagame | Paul Kagame | title | news
President Paul Kagame | Paul Kagame | title | news
Sen. Bernie Sanders | Bernie Sanders | title | news
Rev. Jesse Jackson | Jesse Jackson | title | news
Bundeskanzlerin Angela Merkel | Angela Merkel | title | news
Sultan Haitham bin Tarik | Haitham bin Tarik | title | wikidata
Sultan Qaboos bin Said | Qaboos bin Said | title | wikidata
Imam Musa al-Sadr | Musa al-Sadr | title | wikidata
Haji Mohammad Soeharto | Soeharto | title | wikidata
Martin Luther King Jr. | Martin Luther King, Jr. | title | wikidata
Dr. Martin Luther King Jr. | Martin Luther King Jr. | title | news
# order: surname first, list style
Loudyi Abdeltif | Abdeltif Loudyi | order | seed
Loudyi Abdeltif | Abdellatif Loudiyi | order | seed
PUTIN, Vladimir | Vladimir Putin | order | news
PUTIN Vladimir Vladimirovich | Vladimir Vladimirovich Putin | order | news
LAVROV, Sergey Viktorovich | Sergey Viktorovich Lavrov | order | news
Jinping Xi | Xi Jinping | order | news
Jong Un Kim | Kim Jong-un | order | news
Abe Shinzo | Shinzo Abe | order | wikidata
Kishida Fumio | Fumio Kishida | order | wikidata
Suga Yoshihide | Yoshihide Suga | order | wikidata
Kurosawa Akira | Akira Kurosawa | order | wikidata
Murakami Haruki | Haruki Murakami | order | wikidata
Orbán Viktor | Viktor Orbán | order | wikidata
Puskás Ferenc | Ferenc Puskás | order | wikidata
Jae-in Moon | Moon Jae-in | order | news
MARIZAMUNDA Juvénal | Juvénal Marizamunda | order | news
Karuretwa Patrick | Patrick Karuretwa | order | news
Kagame Paul | Paul Kagame | order | news
Museveni Yoweri Kaguta | Yoweri Kaguta Museveni | order | news
Mouhib Abdelghani | Abdelghani Mouhib | order | news
BOURITA Nasser | Nasser Bourita | order | news
al-Assad, Bashar | Bashar al-Assad | order | news
García Márquez, Gabriel | Gabriel García Márquez | order | wikidata
Lula da Silva, Luiz Inácio | Luiz Inácio Lula da Silva | order | wikidata
Tsipras Alexis | Alexis Tsipras | order | news
Tinubu Bola Ahmed | Bola Ahmed Tinubu | order | news
Mitsotakis, Kyriakos | Kyriakos Mitsotakis | order | news
von der Leyen, Ursula | Ursula von der Leyen | order | wikidata
# partial: dropped given/middle names or surname-only
Khawaja Asif | Khawaja Muhammad Asif | partial | seed
Asif | Khawaja Muhammad Asif | partial | seed
Asif | Khawaja Asif | partial | seed
Nyakarundi | Vincent Nyakarundi | partial | seed
Nyakarundi | Maj. Gen. Vincent Nyakarundi | partial | seed
Mouhib | Abdelghani Mouhib | partial | seed
Karuretwa | Patrick Karuretwa | partial | news
Marizamunda | Juvénal Marizamunda | partial | news
Loudiyi | Abdellatif Loudiyi | partial | news
Gabriel García | Gabriel García Márquez | partial | news
García Márquez | Gabriel García Márquez | partial | wikidata
Lula da Silva | Luiz Inácio Lula da Silva | partial | news
Luiz Inácio da Silva | Luiz Inácio Lula da Silva | partial | wikidata
López Obrador | Andrés Manuel López Obrador | partial | news
George Bush | George W. Bush | partial | news
von der Leyen | Ursula von der Leyen | partial | news
Pedro Sánchez Pérez-Castejón | Pedro Sánchez | partial | wikidata
Mariano Rajoy Brey | Mariano Rajoy | partial | wikidata
Rodríguez Zapatero | José Luis Rodríguez Zapatero | partial | news
Felipe González Márquez | Felipe González | partial | wikidata
Fidel Alejandro Castro Ruz | Fidel Castro | partial | wikidata
Cristina Fernández de Kirchner | Cristina Kirchner | partial | news
Abiy Ahmed Ali | Abiy Ahmed | partial | wikidata
Tedros Adhanom Ghebreyesus | Tedros Adhanom | partial | news
Muhammadu Buhari | Buhari | partial | news
Bola Ahmed Tinubu | Bola Tinubu | partial | wikidata
Matamela Cyril Ramaphosa | Cyril Ramaphosa | partial | wikidata
Yoweri Kaguta Museveni | Yoweri Museveni | partial | wikidata
William Samoei Ruto | William Ruto | partial | wikidata
Uhuru Muigai Kenyatta | Uhuru Kenyatta | partial | wikidata
Denis Sassou Nguesso | Sassou Nguesso | partial | news
Félix Antoine Tshisekedi Tshilombo | Félix Tshisekedi | partial | wikidata
Bassirou Diomaye Faye | Diomaye Faye | partial | news
Mohammed bin Salman Al Saud | Mohammed bin Salman | partial | wikidata
Mohammed bin Rashid Al Maktoum | Mohammed bin Rashid | partial | news
Zulfikar Ali Bhutto | Zulfikar Bhutto | partial | news
Asif Ali Zardari | Asif Zardari | partial | news
Mian Muhammad Shehbaz Sharif | Shehbaz Sharif | partial | wikidata
Mullah Omar | Mullah Mohammad Omar | partial | wikidata
Recep Tayyip Erdoğan | Tayyip Erdoğan | partial | news
Erdoğan | Recep Tayyip Erdoğan | partial | news
Barack Hussein Obama | Barack Obama | partial | wikidata
Vladimir Vladimirovich Putin | Vladimir Putin | partial | wikidata
Sheikh Hasina Wazed | Sheikh Hasina | partial | wikidata
Susilo Bambang Yudhoyono | Yudhoyono | partial | news
Alexander Boris de Pfeffel Johnson | Boris Johnson | partial | wikidata
# initial: initials for given or middle names
J. Marizamunda | Juvénal Marizamunda | initial | seed
A. Loudiyi | Abdellatif Loudiyi | initial | seed
P. Karuretwa | Patrick Karuretwa | initial | seed
V. Nyakarundi | Vincent Nyakarundi | initial | seed
K. M. Asif | Khawaja Muhammad Asif | initial | seed
Khawaja M. Asif | Khawaja Muhammad Asif | initial | seed
A. Mouhib | Abdelghani Mouhib | initial | seed
N. Bourita | Nasser Bourita | initial | seed
G. W. Bush | George Walker Bush | initial | news
George W. Bush | George Walker Bush | initial | wikidata
John F. Kennedy | John Fitzgerald Kennedy | initial | wikidata
J. F. Kennedy | John F. Kennedy | initial | news
Franklin D. Roosevelt | Franklin Delano Roosevelt | initial | wikidata
F. D. Roosevelt | Franklin Delano Roosevelt | initial | news
V. V. Putin | Vladimir Vladimirovich Putin | initial | news
V. Putin | Vladimir Putin | initial | news
S. V. Lavrov | Sergey Viktorovich Lavrov | initial | news
A. P. J. Abdul Kalam | Avul Pakir Jainulabdeen Abdul Kalam | initial | wikidata
M. K. Gandhi | Mohandas Karamchand Gandhi | initial | wikidata
Mohandas K. Gandhi | Mohandas Karamchand Gandhi | initial | wikidata
J. R. R. Tolkien | John Ronald Reuel Tolkien | initial | wikidata
H. D. Deve Gowda | Haradanahalli Doddegowda Deve Gowda | initial | wikidata
M. Karunanidhi | Muthuvel Karunanidhi | initial | wikidata
J. Jayalalithaa | Jayaram Jayalalithaa | initial | wikidata
N. Chandrababu Naidu | Nara Chandrababu Naidu | initial | wikidata
P. Chidambaram | Palaniappan Chidambaram | initial | wikidata
S. Jaishankar | Subrahmanyam Jaishankar | initial | wikidata
Ferdinand R. Marcos Jr. | Ferdinand Marcos Jr. | initial | news
Uhuru M. Kenyatta | Uhuru Muigai Kenyatta | initial | news
F. W. de Klerk | Frederik Willem de Klerk | initial | wikidata
Ernest B. Koroma | Ernest Bai Koroma | initial | news
Bola A. Tinubu | Bola Ahmed Tinubu | initial | news
# typo: one or two letter slips (forms made for the test)
Juvenal Marizamunda | Juvenal Marizamnuda | typo | constructed
Patrick Karuretwa | Patrick Karurewta | typo | constructed
Vincent Nyakarundi | Vincent Nyakarindi | typo | constructed
Abdelghani Mouhib | Abdelghani Mouhibb | typo | constructed
Khawaja Muhammad Asif | Khawaja Muhammad Aisf | typo | constructed
Nasser Bourita | Nasser Bourtia | typo | constructed
Volodymyr Zelenskyy | Volodymyr Zelenksyy | typo | constructed
Alexandria Ocasio-Cortez | Alexandria Ocasio-Cortes | typo | constructed
Kassym-Jomart Tokayev | Kassym-Jomart Tokayav | typo | constructed
Tedros Adhanom Ghebreyesus | Tedros Adhanom Ghebreyseus | typo | constructed
Ngozi Okonjo-Iweala | Ngozi Okonjo-Iwaela | typo | constructed
Cyril Ramaphosa | Cyril Rampahosa | typo | constructed
Emmanuel Macron | Emmanuel Marcon | typo | constructed
Mohammad Bagher Ghalibaf | Mohammad Bagher Ghalibaff | typo | constructed
Jens Stoltenberg | Jens Stoltenburg | typo | constructed
Ursula von der Leyen | Ursula von der Layen | typo | constructed
Benjamin Netanyahu | Benjamin Netanyhau | typo | constructed
Hailemariam Desalegn | Hailemariam Desalgen | typo | constructed
Mark Esper | Mark Epser | typo | constructed
Denis Sassou Nguesso | Denis Sassou Ngueso | typo | constructed
Faustin-Archange Touadéra | Faustin-Archange Toudéra | typo | constructed
Antony Blinken | Anthony Blinken | typo | news
# glued: joined or split tokens, hyphenation
AbdellatifLoudyi | Abdellatif Loudyi | glued | seed
Abdel Ghani Mouhib | Abdelghani Mouhib | glued | constructed
Abdul Ghani Baradar | Abdulghani Baradar | glued | news
Salman bin Abdulaziz Al Saud | Salman bin Abdul Aziz Al Saud | glued | news
Abdelaziz Bouteflika | Abdel Aziz Bouteflika | glued | news
Abdul Rashid Dostum | Abdulrashid Dostum | glued | news
Abdulsalami Abubakar | Abdul Salami Abubakar | glued | news
Abdel Fattah el-Sisi | Abdelfattah el-Sisi | glued | news
Abdul Qadeer Khan | Abdulqadeer Khan | glued | news
Abdelilah Benkirane | Abdel-Ilah Benkirane | glued | news
Saad Eddine El Othmani | Saadeddine El Othmani | glued | news
Ahmed Aboul Gheit | Ahmed Aboulgheit | glued | news
Abu Bakr al-Baghdadi | Abubakr al-Baghdadi | glued | news
Abubakar Shekau | Abu Bakar Shekau | glued | news
Mary McAleese | Mary Mc Aleese | glued | news
Martin McGuinness | Martin Mc Guinness | glued | news
Leonardo DiCaprio | Leonardo Di Caprio | glued | news
Tamim bin Hamad Al Thani | Tamim bin Hamad Althani | glued | news
Sabah Al-Ahmad Al-Jaber Al-Sabah | Sabah Al Ahmad Al Jaber Al Sabah | glued | wikidata
Mishal Al-Ahmad Al-Jaber Al-Sabah | Mishal Al Ahmad Al Jaber Alsabah | glued | news
Mohamed bin Zayed Al Nahyan | Mohamed bin Zayed AlNahyan | glued | constructed
Jean-Claude Juncker | Jean Claude Juncker | glued | news
Kassym-Jomart Tokayev | Kassym Jomart Tokayev | glued | news
Mengistu Haile Mariam | Mengistu Hailemariam | glued | news
Hailemariam Desalegn | Haile Mariam Desalegn | glued | news
Debretsion Gebremichael | Debretsion Gebre-Michael | glued | news
Kim Jong-un | Kim Jongun | glued | constructed
Ursula von der Leyen | Ursula Von Der Leyen | glued | news
# nickname: hypocoristics, kunyas, acronyms in common use
Bill Clinton | William Jefferson Clinton | nickname | wikidata
Bill Clinton | William Clinton | nickname | wikidata
Joe Biden | Joseph Biden | nickname | wikidata
Joe Biden | Joseph Robinette Biden Jr. | nickname | wikidata
Bob Menendez | Robert Menendez | nickname | wikidata
Bobby Kennedy | Robert F. Kennedy | nickname | wikidata
Ted Kennedy | Edward Kennedy | nickname | wikidata
Jimmy Carter | James Earl Carter | nickname | wikidata
Dick Cheney | Richard Cheney | nickname | wikidata
Mike Pence | Michael Pence | nickname | wikidata
Mike Pompeo | Michael Pompeo | nickname | wikidata
Tony Blair | Anthony Blair | nickname | wikidata
Bernie Sanders | Bernard Sanders | nickname | wikidata
Chuck Schumer | Charles Schumer | nickname | wikidata
Newt Gingrich | Newton Gingrich | nickname | wikidata
Jim Mattis | James Mattis | nickname | wikidata
Mitch McConnell | Addison Mitchell McConnell | nickname | wikidata
Kate Middleton | Catherine Middleton | nickname | wikidata
Bibi Netanyahu | Benjamin Netanyahu | nickname | news
Jokowi | Joko Widodo | nickname | wikidata
Bongbong Marcos | Ferdinand Marcos Jr. | nickname | wikidata
Lula | Luiz Inácio Lula da Silva | nickname | wikidata
Abu Mazen | Mahmoud Abbas | nickname | wikidata
MBS | Mohammed bin Salman | nickname | news
MBZ | Mohamed bin Zayed | nickname | news
AMLO | Andrés Manuel López Obrador | nickname | wikidata
Che Guevara | Ernesto Guevara | nickname | wikidata
Pepe Mujica | José Mujica | nickname | wikidata
Bung Karno | Sukarno | nickname | wikidata
# variant: given-name variants across languages
Mohammed bin Salman | Muhammad bin Salman | variant | wikidata
Mohammed bin Salman | Mohamed bin Salman | variant | news
Mohamed Morsi | Mohammed Morsi | variant | news
Mohamed Morsi | Muhammad Mursi | variant | wikidata
Muhammad Yunus | Mohammad Yunus | variant | news
Mohammed VI | Mohamed VI | variant | news
Mohammed Deif | Mohammad Deif | variant | news
Mohamed Bazoum | Mohammed Bazoum | variant | news
Muhammadu Buhari | Mohammed Buhari | variant | news
Youssef Chahed | Yousef Chahed | variant | news
Yusuf Raza Gilani | Yousaf Raza Gillani | variant | news
Saddam Hussein | Saddam Husayn | variant | wikidata
Hossein Amir-Abdollahian | Hussein Amir-Abdollahian | variant | news
Hossein Salami | Hussein Salami | variant | news
Husayn ibn Ali | Hussein ibn Ali | variant | wikidata
Oleksandr Syrskyi | Aleksandr Syrsky | variant | news
Oleksandr Syrskyi | Alexander Syrsky | variant | news
Oleksii Reznikov | Alexei Reznikov | variant | news
Volodymyr Zelensky | Vladimir Zelensky | variant | news
Wladimir Klitschko | Volodymyr Klychko | variant | wikidata
Vitali Klitschko | Vitaliy Klychko | variant | wikidata
Petro Poroshenko | Pyotr Poroshenko | variant | news
Mykola Azarov | Nikolai Azarov | variant | news
Dmytro Kuleba | Dmitry Kuleba | variant | news
Andriy Yermak | Andrei Yermak | variant | news
Alexander Lukashenko | Alyaksandr Lukashenka | variant | wikidata
Sviatlana Tsikhanouskaya | Svetlana Tikhanovskaya | variant | wikidata
Ahmad Shah Massoud | Ahmed Shah Massoud | variant | wikidata
Ahmet Davutoğlu | Ahmed Davutoğlu | variant | news
Omar al-Bashir | Umar al-Bashir | variant | wikidata
Süleyman I | Suleiman I | variant | wikidata
Ismail Haniyeh | Ismael Haniyeh | variant | news
Mustafa Kemal Atatürk | Mustapha Kemal Atatürk | variant | news
Moustapha Niasse | Mustapha Niasse | variant | news
Giovanni Paolo II | John Paul II | variant | wikidata
Juan Pablo II | John Paul II | variant | wikidata
Benedetto XVI | Benedict XVI | variant | wikidata
Friedrich Wilhelm I | Frederick William I | variant | wikidata
Nikolai II | Nicholas II | variant | wikidata
# org: organisations, legal forms, spelling conventions, scripts
Bayer AG | Bayer Aktiengesellschaft | org | wikidata
Bayer AG | BayerAG | org | constructed
Gazprom PAO | PAO Gazprom | org | news
ПАО Газпром | PAO Gazprom | org | wikidata
ПАО «Газпром» | Gazprom PJSC | org | wikidata
Ministry of Defence | Ministry of Defense | org | seed
Rwanda Defence Force | Rwanda Defense Force | org | seed
Siemens AG | Siemens Aktiengesellschaft | org | wikidata
Volkswagen AG | Volkswagen Aktiengesellschaft | org | wikidata
Deutsche Bank AG | Deutsche Bank | org | wikidata
Deutsche Bank | Deutsche Bank Aktiengesellschaft | org | wikidata
Apple Inc. | Apple Incorporated | org | news
Microsoft Corporation | Microsoft Corp. | org | wikidata
Toyota Motor Corporation | Toyota Motor Corp. | org | wikidata
Samsung Electronics Co., Ltd. | Samsung Electronics | org | wikidata
Sony Group Corporation | Sony Group Corp | org | wikidata
BP p.l.c. | BP plc | org | wikidata
Nestlé S.A. | Nestle SA | org | wikidata
Société Générale | Societe Generale | org | wikidata
L'Oréal S.A. | L'Oreal SA | org | wikidata
Banco Santander, S.A. | Banco Santander SA | org | wikidata
Роснефть | Rosneft | org | wikidata
Сбербанк | Sberbank | org | wikidata
Аэрофлот | Aeroflot | org | wikidata
Группа Вагнера | Wagner Group | org | wikidata
华为 | Huawei | org | wikidata
Royal Air Maroc | Royal Air Maroc S.A. | org | wikidata
Groupe OCP | OCP Group | org | news
Office Chérifien des Phosphates | Office Cherifien des Phosphates | org | wikidata
Forces Armées Royales | Forces Armees Royales | org | wikidata
Organisation for Economic Co-operation and Development | Organization for Economic Cooperation and Development | org | wikidata
World Health Organization | World Health Organisation | org | news
Hezbollah | Hizballah | org | wikidata
al-Qaeda | al-Qaida | org | wikidata
Hay'at Tahrir al-Sham | Hayat Tahrir al-Sham | org | news
Tata Consultancy Services Limited | Tata Consultancy Services Ltd. | org | wikidata
Reliance Industries Limited | Reliance Industries Ltd | org | wikidata
Gazprom Neft | Gazpromneft | org | news
Exxon Mobil Corporation | ExxonMobil | org | wikidata
The Coca-Cola Company | Coca-Cola Company | org | wikidata
Petróleos de Venezuela, S.A. | Petroleos de Venezuela SA | org | wikidata
"""

# ---------------------------------------------------------------- label 0
PAIRS_NEG = """
# regnal: same name, different regnal number
Mohammed VI | Mohammed V | regnal | seed
King Mohammed VI | Mohammed V | regnal | seed
Mohammed VI | Muhammad V | regnal | wikidata
محمد السادس | محمد الخامس | regnal | wikidata
Hassan II | Hassan I | regnal | wikidata
Henry VIII | Henry VII | regnal | wikidata
Henry VIII | Henry VI | regnal | wikidata
Louis XIV | Louis XVI | regnal | wikidata
Louis XV | Louis XVI | regnal | wikidata
Louis XIII | Louis XIV | regnal | wikidata
Elizabeth I | Elizabeth II | regnal | wikidata
Queen Elizabeth II | Queen Elizabeth I | regnal | wikidata
Charles III | Charles II | regnal | wikidata
Charles I | Charles II | regnal | wikidata
George V | George VI | regnal | wikidata
George III | George IV | regnal | wikidata
Edward VII | Edward VIII | regnal | wikidata
Richard II | Richard III | regnal | wikidata
William III | William IV | regnal | wikidata
Pope John Paul II | Pope John Paul I | regnal | wikidata
John XXIII | John XXII | regnal | wikidata
Benedict XVI | Benedict XV | regnal | wikidata
Pius XII | Pius XI | regnal | wikidata
Leo XIII | Leo XIV | regnal | wikidata
Abdullah II | Abdullah I | regnal | wikidata
King Abdullah II of Jordan | Abdullah I of Jordan | regnal | wikidata
Fuad I | Fuad II | regnal | wikidata
Faisal I | Faisal II | regnal | wikidata
Peter I | Peter III | regnal | wikidata
Nicholas I | Nicholas II | regnal | wikidata
Alexander II | Alexander III | regnal | wikidata
Ivan III | Ivan IV | regnal | wikidata
Catherine I | Catherine II | regnal | wikidata
Wilhelm I | Wilhelm II | regnal | wikidata
Napoleon I | Napoleon III | regnal | wikidata
Felipe VI | Felipe V | regnal | wikidata
Gustaf V | Gustaf VI Adolf | regnal | wikidata
Harald V | Harald III | regnal | wikidata
Christian IX | Christian X | regnal | wikidata
Frederik IX | Frederik X | regnal | wikidata
Willem III | Willem II | regnal | wikidata
Rama IX | Rama X | regnal | wikidata
Mehmed II | Mehmed VI | regnal | wikidata
Suleiman I | Suleiman II | regnal | wikidata
Abdul Hamid II | Abdul Hamid I | regnal | wikidata
Ramesses II | Ramesses III | regnal | wikidata
Victor Emmanuel II | Victor Emmanuel III | regnal | wikidata
Umberto I | Umberto II | regnal | wikidata
# namesake_given: different people sharing a given name
Abdellatif Loudiyi | Abdelghani Mouhib | namesake_given | seed
Mohammed bin Salman | Mohammed bin Rashid Al Maktoum | namesake_given | wikidata
Mohammed bin Salman | Mohammed bin Zayed | namesake_given | wikidata
Mohammed bin Salman | Mohammed bin Nayef | namesake_given | wikidata
Mohammed bin Zayed | Mohammed bin Rashid | namesake_given | wikidata
Mohamed Morsi | Mohamed ElBaradei | namesake_given | wikidata
Mohamed Morsi | Mohamed Hussein Tantawi | namesake_given | wikidata
Muhammad Yunus | Mohammad Javad Zarif | namesake_given | wikidata
Mohammad Javad Zarif | Mohammad Khatami | namesake_given | wikidata
Mohammad Khatami | Mohammad Mosaddegh | namesake_given | wikidata
Mohammed VI | Mohammed bin Salman | namesake_given | wikidata
Mohammed VI | Mohammed Deif | namesake_given | wikidata
Mohammed V | Mohammed Dahlan | namesake_given | wikidata
Mohamed Salah | Mohamed Bazoum | namesake_given | wikidata
Mohamed Bazoum | Mohamed Ould Ghazouani | namesake_given | wikidata
Mohammed Dahlan | Mohammed Deif | namesake_given | wikidata
Mohamed Hamdan Dagalo | Mohamed Siad Barre | namesake_given | wikidata
Hassan Sheikh Mohamud | Hassan Rouhani | namesake_given | wikidata
Hassan Nasrallah | Hassan Rouhani | namesake_given | wikidata
Hassan II | Hassan Nasrallah | namesake_given | wikidata
Ali Khamenei | Ali Larijani | namesake_given | wikidata
Ali Khamenei | Ali al-Sistani | namesake_given | wikidata
Ali Akbar Velayati | Ali Akbar Salehi | namesake_given | wikidata
Ali Abdullah Saleh | Ali Akbar Salehi | namesake_given | wikidata
Abdullah Öcalan | Abdullah Gül | namesake_given | wikidata
Abdel Fattah el-Sisi | Abdel Fattah al-Burhan | namesake_given | wikidata
Abdel Fattah al-Burhan | Abdel Fattah Younis | namesake_given | wikidata
Abdelaziz Bouteflika | Abdelaziz Belkhadem | namesake_given | wikidata
Nasser Bourita | Nasser Zefzafi | namesake_given | news
Khalifa Haftar | Khalifa bin Zayed Al Nahyan | namesake_given | wikidata
Khalifa Haftar | Khalifa Ghwell | namesake_given | news
Fayez al-Sarraj | Fayez al-Tarawneh | namesake_given | wikidata
Saad Hariri | Saad Zaghloul | namesake_given | wikidata
Omar al-Bashir | Omar Suleiman | namesake_given | wikidata
Yahya Sinwar | Yahya Jammeh | namesake_given | wikidata
Ismail Haniyeh | Ismail Qaani | namesake_given | wikidata
Juvénal Marizamunda | Juvénal Habyarimana | namesake_given | wikidata
Patrick Karuretwa | Patrick Nyamvumba | namesake_given | news
Vincent Nyakarundi | Vincent Biruta | namesake_given | news
Paul Kagame | Paul Biya | namesake_given | wikidata
Ibrahim Traoré | Ibrahim Boubacar Keïta | namesake_given | wikidata
Abdoulaye Wade | Abdoulaye Bathily | namesake_given | wikidata
William Ruto | William Kabogo | namesake_given | news
Olusegun Obasanjo | Olusegun Mimiko | namesake_given | wikidata
Bola Tinubu | Bola Ige | namesake_given | wikidata
Félix Tshisekedi | Félix Houphouët-Boigny | namesake_given | wikidata
Joseph Kabila | Joseph Kasa-Vubu | namesake_given | wikidata
Laurent Gbagbo | Laurent-Désiré Kabila | namesake_given | wikidata
Vladimir Putin | Vladimir Zhirinovsky | namesake_given | wikidata
Vladimir Putin | Vladimir Lenin | namesake_given | wikidata
Владимир Путин | Владимир Ленин | namesake_given | wikidata
Vladimir Putin | Volodymyr Zelensky | namesake_given | wikidata
Sergey Lavrov | Sergey Shoigu | namesake_given | wikidata
Sergei Lavrov | Sergei Skripal | namesake_given | wikidata
Dmitry Medvedev | Dmitry Peskov | namesake_given | wikidata
Alexei Navalny | Alexei Kudrin | namesake_given | wikidata
Mikhail Gorbachev | Mikhail Mishustin | namesake_given | wikidata
Boris Yeltsin | Boris Nemtsov | namesake_given | wikidata
Yevgeny Prigozhin | Yevgeny Primakov | namesake_given | wikidata
Viktor Yanukovych | Viktor Yushchenko | namesake_given | wikidata
Volodymyr Zelensky | Volodymyr Groysman | namesake_given | wikidata
Petro Poroshenko | Petro Symonenko | namesake_given | wikidata
Oleksandr Syrskyi | Oleksandr Turchynov | namesake_given | wikidata
Vitali Klitschko | Vitaly Churkin | namesake_given | wikidata
Alexander Lukashenko | Alexander Dugin | namesake_given | wikidata
Bill Clinton | Bill Gates | namesake_given | wikidata
John F. Kennedy | John F. Kerry | namesake_given | wikidata
Donald Trump | Donald Tusk | namesake_given | wikidata
Emmanuel Macron | Manuel Valls | namesake_given | wikidata
Boris Johnson | Boris Yeltsin | namesake_given | wikidata
Angela Merkel | Angela Rayner | namesake_given | wikidata
Olaf Scholz | Olof Palme | namesake_given | wikidata
Mark Esper | Mark Milley | namesake_given | wikidata
Mark Esper | Mark Rutte | namesake_given | wikidata
Lloyd Austin | Lloyd Axworthy | namesake_given | wikidata
Antony Blinken | Anthony Albanese | namesake_given | wikidata
Justin Trudeau | Justin Welby | namesake_given | wikidata
Keir Starmer | Keir Hardie | namesake_given | wikidata
Gabriel García Márquez | Gabriel Boric | namesake_given | wikidata
Gabriel García Márquez | Gabriel García Moreno | namesake_given | wikidata
Luiz Inácio Lula da Silva | Luiz Henrique Mandetta | namesake_given | wikidata
Pedro Sánchez | Pedro Castillo | namesake_given | wikidata
Juan Manuel Santos | Juan Manuel Fangio | namesake_given | wikidata
Carlos Andrés Pérez | Carlos Salinas de Gortari | namesake_given | wikidata
Rahul Gandhi | Rahul Dravid | namesake_given | wikidata
Recep Tayyip Erdoğan | Recep Akdağ | namesake_given | wikidata
Ahmet Davutoğlu | Ahmet Necdet Sezer | namesake_given | wikidata
Asif Ali Zardari | Khawaja Muhammad Asif | namesake_given | wikidata
Khawaja Asif | Khawaja Saad Rafique | namesake_given | wikidata
Joko Widodo | Joko Anwar | namesake_given | wikidata
Mahmoud Abbas | Abbas Araghchi | namesake_given | wikidata
Omar Suleiman | Omar Abdullah | namesake_given | wikidata
Abiy Ahmed | Ahmed Shide | namesake_given | wikidata
Yakubu Gowon | Yakubu Dogara | namesake_given | wikidata
Ibrahim Babangida | Ibrahim Gambari | namesake_given | wikidata
Ousmane Sonko | Ousmane Tanor Dieng | namesake_given | wikidata
Denis Sassou Nguesso | Denis Mukwege | namesake_given | wikidata
Aziz Akhannouch | Aziz Rabbah | namesake_given | wikidata
Abdellatif Loudiyi | Abdellatif Hammouchi | namesake_given | wikidata
Abdellatif Loudiyi | Abdellatif Jouahri | namesake_given | wikidata
Mohammed VI | Mohamed Hassad | namesake_given | wikidata
Paul Kagame | Paul Rusesabagina | namesake_given | wikidata
Vincent Nyakarundi | Vincent Karega | namesake_given | news
Patrick Karuretwa | Patrick Mazimhaka | namesake_given | wikidata
Khawaja Muhammad Asif | Khawaja Nazimuddin | namesake_given | wikidata
Shehbaz Sharif | Shehbaz Gill | namesake_given | wikidata
Asif Ali Zardari | Asif Ghafoor | namesake_given | wikidata
Narendra Modi | Narendra Singh Tomar | namesake_given | wikidata
Hassan Rouhani | Hassan Khomeini | namesake_given | wikidata
Ebrahim Raisi | Ebrahim Yazdi | namesake_given | wikidata
Masoud Pezeshkian | Masoud Barzani | namesake_given | wikidata
Nuri al-Said | Nouri al-Maliki | namesake_given | wikidata
Bashar al-Assad | Bashar al-Jaafari | namesake_given | wikidata
Mohammed bin Salman | Mohammed bin Abdulrahman Al Thani | namesake_given | wikidata
Faisal bin Farhan | Faisal bin Salman | namesake_given | wikidata
Süleyman Soylu | Süleyman Demirel | namesake_given | wikidata
Igor Sechin | Igor Shuvalov | namesake_given | wikidata
Andrei Belousov | Andrei Kozyrev | namesake_given | wikidata
Oleksii Reznikov | Oleksii Danilov | namesake_given | wikidata
Yulia Tymoshenko | Yulia Svyrydenko | namesake_given | wikidata
Taro Aso | Taro Kono | namesake_given | wikidata
Felipe González | Felipe Calderón | namesake_given | wikidata
José María Aznar | José María Figueres | namesake_given | wikidata
Fernando Henrique Cardoso | Fernando Haddad | namesake_given | wikidata
Rafael Correa | Rafael Caldera | namesake_given | wikidata
Joe Biden | Joe Manchin | namesake_given | wikidata
Mike Pence | Mike Pompeo | namesake_given | wikidata
Nicolas Sarkozy | Nicolas Maduro | namesake_given | wikidata
François Hollande | François Mitterrand | namesake_given | wikidata
Helmut Kohl | Helmut Schmidt | namesake_given | wikidata
Benjamin Netanyahu | Benny Gantz | namesake_given | wikidata
Yitzhak Rabin | Yitzhak Herzog | namesake_given | wikidata
יצחק רבין | יצחק שמיר | namesake_given | wikidata
Владимир Путин | Владимир Зеленский | namesake_given | wikidata
Дмитрий Медведев | Дмитрий Песков | namesake_given | wikidata
Владимир Ленин | Vladimir Putin | namesake_given | wikidata
محمد بن سلمان | محمد بن زايد | namesake_given | wikidata
# same_surname: relatives and unrelated people sharing a surname
Raúl Castro | Fidel Castro | same_surname | wikidata
Raúl Castro | Mariela Castro | same_surname | wikidata
Kim Jong-un | Kim Jong-il | same_surname | wikidata
Kim Il-sung | Kim Jong-il | same_surname | wikidata
Kim Il-sung | Kim Jong-un | same_surname | wikidata
Kim Jong-un | Kim Yo-jong | same_surname | wikidata
Kim Jong-un | Kim Jong-nam | same_surname | wikidata
Kim Yo-jong | Kim Yong-nam | same_surname | wikidata
Kim Jong-il | Kim Jong-chul | same_surname | wikidata
김정은 | 김정일 | same_surname | wikidata
김정은 | Kim Jong-il | same_surname | wikidata
Kim Jong-un | Kim Dae-jung | same_surname | wikidata
Kim Young-sam | Kim Dae-jung | same_surname | wikidata
George W. Bush | Jeb Bush | same_surname | wikidata
Barbara Bush | Laura Bush | same_surname | wikidata
Hafez al-Assad | Bashar al-Assad | same_surname | wikidata
Bashar al-Assad | Maher al-Assad | same_surname | wikidata
Bashar al-Assad | Asma al-Assad | same_surname | wikidata
Heydar Aliyev | Ilham Aliyev | same_surname | wikidata
Indira Gandhi | Rajiv Gandhi | same_surname | wikidata
Rajiv Gandhi | Rahul Gandhi | same_surname | wikidata
Sonia Gandhi | Priyanka Gandhi | same_surname | wikidata
Indira Gandhi | Mohandas Karamchand Gandhi | same_surname | wikidata
Benazir Bhutto | Zulfikar Ali Bhutto | same_surname | wikidata
Nawaz Sharif | Shehbaz Sharif | same_surname | wikidata
Asif Ali Zardari | Bilawal Bhutto Zardari | same_surname | wikidata
Hillary Clinton | Bill Clinton | same_surname | wikidata
Joe Biden | Hunter Biden | same_surname | wikidata
Joe Biden | Jill Biden | same_surname | wikidata
Barack Obama | Michelle Obama | same_surname | wikidata
Donald Trump | Ivanka Trump | same_surname | wikidata
Donald Trump | Melania Trump | same_surname | wikidata
John F. Kennedy | Robert F. Kennedy | same_surname | wikidata
Edward Kennedy | John F. Kennedy | same_surname | wikidata
Justin Trudeau | Pierre Trudeau | same_surname | wikidata
Lee Kuan Yew | Lee Hsien Loong | same_surname | wikidata
Lee Hsien Loong | Lee Hsien Yang | same_surname | wikidata
Lee Myung-bak | Lee Jae-myung | same_surname | wikidata
Park Chung-hee | Park Geun-hye | same_surname | wikidata
Roh Moo-hyun | Roh Tae-woo | same_surname | wikidata
Yoon Suk Yeol | Yun Po-sun | same_surname | wikidata
Moon Jae-in | Sun Myung Moon | same_surname | wikidata
Shinzo Abe | Akie Abe | same_surname | wikidata
Xi Jinping | Xi Zhongxun | same_surname | wikidata
习近平 | 习仲勋 | same_surname | wikidata
Chiang Kai-shek | Chiang Ching-kuo | same_surname | wikidata
Li Keqiang | Li Peng | same_surname | wikidata
Li Peng | Li Qiang | same_surname | wikidata
Wang Yi | Wang Qishan | same_surname | wikidata
Ma Ying-jeou | Ma Yun | same_surname | wikidata
Hun Sen | Hun Manet | same_surname | wikidata
Nguyễn Phú Trọng | Nguyễn Xuân Phúc | same_surname | wikidata
Nguyễn Xuân Phúc | Nguyễn Tấn Dũng | same_surname | wikidata
Ferdinand Marcos | Imelda Marcos | same_surname | wikidata
Ferdinand Marcos Jr. | Imee Marcos | same_surname | wikidata
Benigno Aquino III | Corazon Aquino | same_surname | wikidata
Rodrigo Duterte | Sara Duterte | same_surname | wikidata
Susilo Bambang Yudhoyono | Agus Harimurti Yudhoyono | same_surname | wikidata
Jair Bolsonaro | Eduardo Bolsonaro | same_surname | wikidata
Néstor Kirchner | Cristina Fernández de Kirchner | same_surname | wikidata
Cristina Fernández de Kirchner | Alberto Fernández | same_surname | wikidata
Evo Morales | Jimmy Morales | same_surname | wikidata
Daniel Ortega | Humberto Ortega | same_surname | wikidata
Andrés Pastrana | Misael Pastrana | same_surname | wikidata
Alan García | Gabriel García Márquez | same_surname | wikidata
Recep Tayyip Erdoğan | Emine Erdoğan | same_surname | wikidata
Recep Tayyip Erdoğan | Bilal Erdoğan | same_surname | wikidata
Ali Khamenei | Mojtaba Khamenei | same_surname | wikidata
Ali Larijani | Sadegh Larijani | same_surname | wikidata
Saddam Hussein | Uday Hussein | same_surname | wikidata
Uday Hussein | Qusay Hussein | same_surname | wikidata
Muammar Gaddafi | Saif al-Islam Gaddafi | same_surname | wikidata
Hosni Mubarak | Gamal Mubarak | same_surname | wikidata
Gamal Mubarak | Alaa Mubarak | same_surname | wikidata
Tamim bin Hamad Al Thani | Hamad bin Khalifa Al Thani | same_surname | wikidata
Hamad bin Khalifa Al Thani | Hamad bin Jassim Al Thani | same_surname | wikidata
Mohammed bin Rashid Al Maktoum | Rashid bin Saeed Al Maktoum | same_surname | wikidata
Khalifa bin Zayed Al Nahyan | Mohamed bin Zayed Al Nahyan | same_surname | wikidata
Zayed bin Sultan Al Nahyan | Mohamed bin Zayed Al Nahyan | same_surname | wikidata
Paul Kagame | Jeannette Kagame | same_surname | wikidata
Jomo Kenyatta | Uhuru Kenyatta | same_surname | wikidata
Raila Odinga | Jaramogi Oginga Odinga | same_surname | wikidata
Laurent-Désiré Kabila | Joseph Kabila | same_surname | wikidata
Omar Bongo | Ali Bongo Ondimba | same_surname | wikidata
Nelson Mandela | Winnie Madikizela-Mandela | same_surname | wikidata
Jacob Zuma | Nkosazana Dlamini-Zuma | same_surname | wikidata
Olusegun Obasanjo | Stella Obasanjo | same_surname | wikidata
Muhammadu Buhari | Aisha Buhari | same_surname | wikidata
Bola Tinubu | Remi Tinubu | same_surname | wikidata
Yoweri Museveni | Janet Museveni | same_surname | wikidata
Félix Tshisekedi | Étienne Tshisekedi | same_surname | wikidata
Macky Sall | Marième Faye Sall | same_surname | wikidata
Abdoulaye Wade | Karim Wade | same_surname | wikidata
Yulia Tymoshenko | Yevhenia Tymoshenko | same_surname | wikidata
Vitali Klitschko | Wladimir Klitschko | same_surname | wikidata
Petro Poroshenko | Oleksiy Poroshenko | same_surname | wikidata
Viktor Yanukovych | Oleksandr Yanukovych | same_surname | wikidata
Sergei Ivanov | Viktor Ivanov | same_surname | wikidata
Igor Ivanov | Sergei Ivanov | same_surname | wikidata
Ramzan Kadyrov | Akhmad Kadyrov | same_surname | wikidata
Andreas Papandreou | George Papandreou | same_surname | wikidata
Konstantinos Mitsotakis | Kyriakos Mitsotakis | same_surname | wikidata
Richard von Weizsäcker | Carl Friedrich von Weizsäcker | same_surname | wikidata
Ursula von der Leyen | Heiko von der Leyen | same_surname | wikidata
Narendra Modi | Nirav Modi | same_surname | wikidata
Mukesh Ambani | Anil Ambani | same_surname | wikidata
Ratan Tata | Noel Tata | same_surname | wikidata
Imran Khan | Sadiq Khan | same_surname | wikidata
Imran Khan | Abdul Qadeer Khan | same_surname | wikidata
Shah Rukh Khan | Aamir Khan | same_surname | wikidata
Sheikh Mujibur Rahman | Ziaur Rahman | same_surname | wikidata
George Soros | Alexander Soros | same_surname | wikidata
Rupert Murdoch | Lachlan Murdoch | same_surname | wikidata
Elon Musk | Kimbal Musk | same_surname | wikidata
Omar Haddad | Karim Haddad | same_surname | constructed
Amina Okafor | Chidi Okafor | same_surname | constructed
Atiku Abubakar | Abdulsalami Abubakar | same_surname | wikidata
Nawaz Sharif | Raheel Sharif | same_surname | wikidata
Manmohan Singh | Rajnath Singh | same_surname | wikidata
Ruhollah Khomeini | Hassan Khomeini | same_surname | wikidata
Mohammad Khatami | Ahmad Khatami | same_surname | wikidata
Masoud Barzani | Nechirvan Barzani | same_surname | wikidata
Moqtada al-Sadr | Muhammad Baqir al-Sadr | same_surname | wikidata
Saad Hariri | Rafic Hariri | same_surname | wikidata
Michel Aoun | Joseph Aoun | same_surname | wikidata
Amin Gemayel | Bachir Gemayel | same_surname | wikidata
Ahmed al-Sharaa | Farouk al-Sharaa | same_surname | wikidata
Nikolai Patrushev | Dmitry Patrushev | same_surname | wikidata
Alexander Lukashenko | Viktor Lukashenko | same_surname | wikidata
Wang Yi | Wang Huning | same_surname | wikidata
Zhao Ziyang | Zhao Leji | same_surname | wikidata
Hu Jintao | Hu Yaobang | same_surname | wikidata
Jiang Zemin | Jiang Qing | same_surname | wikidata
Lee Jae-myung | Lee Jae-yong | same_surname | wikidata
Park Geun-hye | Park Won-soon | same_surname | wikidata
Choi Kyu-hah | Choi Soon-sil | same_surname | wikidata
Junichiro Koizumi | Shinjiro Koizumi | same_surname | wikidata
Nguyễn Phú Trọng | Nguyễn Văn Thiệu | same_surname | wikidata
Võ Văn Thưởng | Võ Nguyên Giáp | same_surname | wikidata
Megawati Sukarnoputri | Rachmawati Sukarnoputri | same_surname | wikidata
Luiz Inácio Lula da Silva | Marina Silva | same_surname | wikidata
Juan Perón | Eva Perón | same_surname | wikidata
Isabel Perón | Eva Perón | same_surname | wikidata
Andrés Manuel López Obrador | José López Portillo | same_surname | wikidata
Theodore Roosevelt | Franklin D. Roosevelt | same_surname | wikidata
Andrew Johnson | Lyndon B. Johnson | same_surname | wikidata
Boris Johnson | Lyndon B. Johnson | same_surname | wikidata
William Henry Harrison | Benjamin Harrison | same_surname | wikidata
Emmanuel Macron | Brigitte Macron | same_surname | wikidata
Isaac Herzog | Chaim Herzog | same_surname | wikidata
Ali Akbar Hashemi Rafsanjani | Mohammad Hashemi Rafsanjani | same_surname | wikidata
בנימין נתניהו | יוני נתניהו | same_surname | wikidata
بشار الأسد | حافظ الأسد | same_surname | wikidata
김정은 | 김여정 | same_surname | wikidata
# similar: different entities with similar strings
Deutsche Bank | Deutsche Börse | similar | wikidata
Deutsche Bank AG | Deutsche Bahn AG | similar | wikidata
Deutsche Telekom AG | Deutsche Post AG | similar | wikidata
Bayer AG | Bayer 04 Leverkusen | similar | wikidata
Gazprom | Gazprom Neft | similar | wikidata
Gazprombank | Gazprom | similar | wikidata
Rosneft | Rosatom | similar | wikidata
Rostec | Rostelecom | similar | wikidata
Aeroflot | Aerolíneas Argentinas | similar | wikidata
Air France | Air India | similar | wikidata
Royal Dutch Shell | Royal Dutch Airlines | similar | wikidata
Royal Air Maroc | Royal Jordanian | similar | wikidata
Ministry of Defence | Ministry of Finance | similar | constructed
Ministry of Foreign Affairs | Ministry of Internal Affairs | similar | constructed
Rwanda Defence Force | Rwanda Development Board | similar | wikidata
World Health Organization | World Trade Organization | similar | wikidata
International Monetary Fund | International Maritime Organization | similar | wikidata
Samsung Electronics | Samsung Electro-Mechanics | similar | wikidata
Samsung Electronics | Samsung SDI | similar | wikidata
Hyundai Motor Company | Hyundai Heavy Industries | similar | wikidata
Toyota Motor Corporation | Toyota Industries Corporation | similar | wikidata
Mitsubishi Corporation | Mitsubishi Motors Corporation | similar | wikidata
Mitsubishi UFJ Financial Group | Mitsubishi Heavy Industries | similar | wikidata
Tata Motors | Tata Steel | similar | wikidata
Tata Consultancy Services | Tata Communications | similar | wikidata
Reliance Industries | Reliance Power | similar | wikidata
Banco Santander | Banco Sabadell | similar | wikidata
Banco do Brasil | Banco Bradesco | similar | wikidata
Credit Suisse | Crédit Agricole | similar | wikidata
Daimler AG | Daimler Truck AG | similar | wikidata
Siemens AG | Siemens Energy AG | similar | wikidata
Hezbollah | Hizb ut-Tahrir | similar | wikidata
Islamic Jihad | Islamic State | similar | wikidata
al-Qaeda | al-Qaeda in the Arabian Peninsula | similar | wikidata
Muslim Brotherhood | Muslim World League | similar | wikidata
Forces Armées Royales | Forces Armées Rwandaises | similar | wikidata
Rwandan Patriotic Front | Rwandan Patriotic Army | similar | wikidata
African Union | African Development Bank | similar | wikidata
Mohammed bin Salman | Salman bin Abdulaziz | similar | wikidata
Sukarno | Suharto | similar | wikidata
Soekarno | Soeharto | similar | wikidata
Mohammed bin Nayef | Nayef bin Abdulaziz | similar | wikidata
Salman bin Hamad Al Khalifa | Hamad bin Isa Al Khalifa | similar | wikidata
# person_org: a person vs an organisation with a similar name
Bayer AG | Otto Bayer | person_org | wikidata
Bayer AG | Friedrich Bayer | person_org | wikidata
Ford Motor Company | Gerald Ford | person_org | wikidata
Ford Motor Company | Harrison Ford | person_org | wikidata
Siemens AG | Werner von Siemens | person_org | wikidata
Porsche AG | Ferdinand Porsche | person_org | wikidata
Mercedes-Benz Group | Mercedes Sosa | person_org | wikidata
Mercedes-Benz Group AG | Karl Benz | person_org | wikidata
The Boeing Company | William E. Boeing | person_org | wikidata
Dell Technologies | Michael Dell | person_org | wikidata
Tata Group | Ratan Tata | person_org | wikidata
Tata Sons | Jamsetji Tata | person_org | wikidata
The Walt Disney Company | Walt Disney | person_org | wikidata
Toyota Motor Corporation | Akio Toyoda | person_org | wikidata
Honda Motor Co. | Soichiro Honda | person_org | wikidata
Suzuki Motor Corporation | Osamu Suzuki | person_org | wikidata
Koninklijke Philips N.V. | Gerard Philips | person_org | wikidata
Heineken N.V. | Freddy Heineken | person_org | wikidata
Ferrari N.V. | Enzo Ferrari | person_org | wikidata
Automobili Lamborghini S.p.A. | Ferruccio Lamborghini | person_org | wikidata
Chanel S.A. | Coco Chanel | person_org | wikidata
Hermès International S.A. | Thierry Hermès | person_org | wikidata
Nobel Foundation | Alfred Nobel | person_org | wikidata
Carnegie Endowment for International Peace | Andrew Carnegie | person_org | wikidata
Rockefeller Foundation | John D. Rockefeller | person_org | wikidata
Bill & Melinda Gates Foundation | Bill Gates | person_org | wikidata
Nelson Mandela Foundation | Nelson Mandela | person_org | wikidata
Aga Khan Foundation | Aga Khan IV | person_org | wikidata
Dangote Cement Plc | Aliko Dangote | person_org | wikidata
Mohammed V University | Mohammed V | person_org | wikidata
Mohammed VI Polytechnic University | Mohammed VI | person_org | wikidata
King Abdulaziz University | Abdulaziz ibn Saud | person_org | wikidata
Hamad bin Khalifa University | Hamad bin Khalifa Al Thani | person_org | wikidata
Koç Holding | Vehbi Koç | person_org | wikidata
Sabancı Holding | Sakıp Sabancı | person_org | wikidata
Adani Group | Gautam Adani | person_org | wikidata
Bajaj Auto | Rahul Bajaj | person_org | wikidata
Mahindra & Mahindra | Anand Mahindra | person_org | wikidata
# generational: generational suffixes that distinguish people
Martin Luther King Jr. | Martin Luther King Sr. | generational | wikidata
Martin Luther King Jr. | Martin Luther King III | generational | wikidata
Ferdinand Marcos Jr. | Ferdinand Marcos Sr. | generational | wikidata
Joseph P. Kennedy Sr. | Joseph P. Kennedy Jr. | generational | wikidata
Joseph P. Kennedy II | Joseph P. Kennedy III | generational | wikidata
Robert F. Kennedy Jr. | Robert F. Kennedy Sr. | generational | news
Ken Griffey Jr. | Ken Griffey Sr. | generational | wikidata
Cal Ripken Jr. | Cal Ripken Sr. | generational | wikidata
Dale Earnhardt Jr. | Dale Earnhardt Sr. | generational | wikidata
Douglas Fairbanks Jr. | Douglas Fairbanks Sr. | generational | wikidata
Oliver Wendell Holmes Jr. | Oliver Wendell Holmes Sr. | generational | wikidata
Hank Williams Jr. | Hank Williams III | generational | wikidata
Robert Downey Jr. | Robert Downey Sr. | generational | wikidata
Sammy Davis Jr. | Sammy Davis Sr. | generational | wikidata
Harry Connick Jr. | Harry Connick Sr. | generational | wikidata
John D. Rockefeller Jr. | John D. Rockefeller III | generational | wikidata
Henry Ford II | Henry Ford III | generational | wikidata
William Clay Ford Jr. | William Clay Ford Sr. | generational | wikidata
Benigno Aquino Jr. | Benigno Aquino III | generational | wikidata
Benigno Aquino III | Benigno Aquino Sr. | generational | wikidata
John Smith Jr. | John Smith Sr. | generational | constructed
Carlos Mendes Filho | Carlos Mendes Neto | generational | constructed
# initial_conflict: initials that cannot stand for the other given name
J. Smith | K. Smith | initial_conflict | constructed
J. Marizamunda | P. Marizamunda | initial_conflict | constructed
M. Haddad | K. Haddad | initial_conflict | constructed
J. Biden | Hunter Biden | initial_conflict | news
B. Obama | Michelle Obama | initial_conflict | news
H. Clinton | Bill Clinton | initial_conflict | news
R. Castro | Fidel Castro | initial_conflict | news
F. Castro | Raúl Castro | initial_conflict | news
J. F. Kennedy | R. F. Kennedy | initial_conflict | news
E. Kennedy | John F. Kennedy | initial_conflict | news
B. al-Assad | Hafez al-Assad | initial_conflict | news
H. al-Assad | Bashar al-Assad | initial_conflict | news
I. Aliyev | Heydar Aliyev | initial_conflict | news
I. Gandhi | Rajiv Gandhi | initial_conflict | news
R. Gandhi | Sonia Gandhi | initial_conflict | news
N. Sharif | Shehbaz Sharif | initial_conflict | news
S. Sharif | Nawaz Sharif | initial_conflict | news
U. Kenyatta | Jomo Kenyatta | initial_conflict | news
J. Kabila | Laurent-Désiré Kabila | initial_conflict | news
A. Papandreou | George Papandreou | initial_conflict | news
M. Khamenei | Ali Khamenei | initial_conflict | news
S. Gaddafi | Muammar Gaddafi | initial_conflict | news
E. Tshisekedi | Félix Tshisekedi | initial_conflict | news
J. Kagame | Paul Kagame | initial_conflict | news
J. Trudeau | Pierre Trudeau | initial_conflict | news
R. T. Erdoğan | Emine Erdoğan | initial_conflict | news
M. Obama | Barack Obama | initial_conflict | news
H. Biden | Joe Biden | initial_conflict | news
I. Trump | Donald Trump | initial_conflict | news
R. Kennedy | Edward Kennedy | initial_conflict | news
U. Hussein | Saddam Hussein | initial_conflict | news
G. Mubarak | Hosni Mubarak | initial_conflict | news
S. Gandhi | Indira Gandhi | initial_conflict | news
Z. Bhutto | Benazir Bhutto | initial_conflict | news
J. Kenyatta | Uhuru Kenyatta | initial_conflict | news
# short: short names differing by a letter or two, different people
Ivan Petrov | Ivan Popov | short | constructed
Ivan Sokolov | Ivan Sobolev | short | constructed
Omar Saad | Omar Said | short | constructed
Ali Hamad | Ali Hamid | short | constructed
Ali Hassan | Ali Hussein | short | constructed
Nabil Amin | Nabil Amer | short | constructed
Samir Kaci | Samir Kadi | short | constructed
Thomas Müller | Thomas Möller | short | constructed
Juan Garcia | Juan Garza | short | constructed
Carlos Pérez | Carlos Páez | short | constructed
Li Wei | Li Mei | short | constructed
Wang Wei | Wang Fei | short | constructed
Liu Yang | Liu Yan | short | constructed
Kim Min-jun | Kim Min-jin | short | constructed
Nguyen Van An | Nguyen Van Anh | short | constructed
Peter Mwangi | Peter Mwanga | short | constructed
Musa Bello | Musa Bala | short | constructed
Anna Novak | Anna Nowicka | short | constructed
Pavel Orlov | Pavel Orlik | short | constructed
Marco Conti | Marco Costi | short | constructed
Jean Martin | Jean Marin | short | constructed
Ahmed Karim | Ahmed Kamil | short | constructed
Ri Yong-ho | Ri Yong-gil | short | wikidata
Boris Gryzlov | Boris Gromov | short | wikidata
Sergei Ivanov | Sergei Ivashov | short | constructed
"""

# ---------------------------------------------------------------- clusters
# "@id" starts a cluster; "mention | doc". Docs 000..004 are the seed
# articles in seeds/; d1, d2, ... are notional documents that hold a
# surname-only mention together with the full name of the same entity.
CLUSTERS = """
@loudiyi
Abdellatif Loudiyi | 000
Abdeltif Loudyi | 001
Abdellatif Loudyi | 002
AbdellatifLoudyi | 002
Abdellatif Loudiyi | 003
Loudyi Abdeltif |
A. Loudiyi |
عبد اللطيف لوديي |
Loudiyi | d1
Minister Delegate Abdellatif Loudiyi | d1
@marizamunda
Juvenal Marizamunda | 000
Juvénal Marizamunda | 001
J. Marizamunda |
MARIZAMUNDA Juvénal |
Minister of Defence Juvénal Marizamunda | d2
Marizamunda | d2
@khawaja_asif
Khawaja Muhammad Asif | 002
Khawaja Asif | 002
Asif | d18
Khawaja Asif | d18
Defence Minister Asif | 002
Khawaja M. Asif |
K. M. Asif |
خواجہ محمد آصف |
Khawaja Mohammad Asif |
@karuretwa
Brig. Gen. Patrick Karuretwa | 001
Patrick Karuretwa |
Karuretwa Patrick |
P. Karuretwa |
Brigadier General Patrick Karuretwa | d3
Karuretwa | d3
@nyakarundi
Maj. Gen. Vincent Nyakarundi | 001
Nyakarundi | 001
Vincent Nyakarundi |
Major General Vincent Nyakarundi |
V. Nyakarundi |
@mohammed_vi
King Mohammed VI | 001
Mohammed VI |
Muhammad VI |
Mohamed VI |
محمد السادس |
King Mohammed VI of Morocco |
Sidi Mohammed VI |
@mohammed_v
Mohammed V | 002
Sultan Mohammed V |
Muhammad V |
Mohamed V |
محمد الخامس |
King Mohammed V of Morocco |
@hassan_ii
Hassan II |
King Hassan II |
Hasan II |
الحسن الثاني |
@bourita
Nasser Bourita | 002
Moroccan Foreign Minister Nasser Bourita | 003
Bourita | d17
Nasser Bourita | d17
ناصر بوريطة |
Naser Burita |
N. Bourita |
@mouhib
Brigadier General Abdelghani Mouhib | 004
Mouhib | 004
Abdelghani Mouhib |
Brig. Gen. Abdelghani Mouhib |
Abdel Ghani Mouhib |
@esper
Mark Esper | 003
Esper | d17
Mark Esper | d17
Secretary of Defense Mark Esper |
Mark T. Esper |
Mark Thomas Esper |
@sarraj
Fayez el Sarraj | 003
Fayez al-Sarraj |
Fayez Serraj |
Fayez al-Serraj |
فايز السراج |
Prime Minister Fayez al-Sarraj |
Sarraj | d4
Fayez Mustafa al-Sarraj | d4
@haftar
Marshal Khalifa Haftar | 003
Khalifa Haftar |
Khalifa Hafter |
Khalifa Hiftar |
خليفة حفتر |
Field Marshal Khalifa Haftar |
Khalifa Belqasim Haftar |
Haftar | d4
Khalifa Haftar | d4
@habyarimana
Juvénal Habyarimana |
Juvenal Habyarimana |
President Juvénal Habyarimana |
J. Habyarimana |
Habyarimana | d5
Juvénal Habyarimana | d5
@kagame
Paul Kagame |
President Paul Kagame |
Kagame Paul |
H.E. Paul Kagame |
Kagame | d5
Paul Kagame | d5
@mbs
Mohammed bin Salman |
Muhammad bin Salman |
Mohamed bin Salman |
Crown Prince Mohammed bin Salman |
Mohammed bin Salman Al Saud |
محمد بن سلمان |
MBS |
@mbz
Mohamed bin Zayed Al Nahyan |
Mohammed bin Zayed |
Sheikh Mohamed bin Zayed |
Mohamed bin Zayed AlNahyan |
محمد بن زايد |
MBZ |
@mbr
Mohammed bin Rashid Al Maktoum |
Sheikh Mohammed bin Rashid |
Mohammed bin Rashid |
Muhammad bin Rashid Al Maktoum |
محمد بن راشد آل مكتوم |
@morsi
Mohamed Morsi |
Mohammed Morsi |
Muhammad Mursi |
President Mohamed Morsi |
Mohamed Mursi |
محمد مرسي |
Morsi | d6
Mohamed Morsi | d6
@sisi
Abdel Fattah el-Sisi |
Abdel Fattah al-Sisi |
Abd al-Fattah as-Sisi |
Field Marshal Abdel Fattah el-Sisi |
Abdelfattah el-Sisi |
عبد الفتاح السيسي |
Sisi | d6
Abdel Fattah el-Sisi | d6
@burhan
Abdel Fattah al-Burhan |
Lt. Gen. Abdel Fattah al-Burhan |
Abdel Fattah Burhan |
General Abdel Fattah al-Burhan |
عبد الفتاح البرهان |
@yunus
Muhammad Yunus |
Mohammad Yunus |
Prof. Muhammad Yunus |
Dr. Muhammad Yunus |
মুহাম্মদ ইউনূস |
Yunus | d7
Muhammad Yunus | d7
@zarif
Mohammad Javad Zarif |
Mohammad Dschawad Sarif |
Javad Zarif |
محمدجواد ظریف |
Foreign Minister Mohammad Javad Zarif |
Zarif | d8
Mohammad Javad Zarif | d8
@khamenei
Ali Khamenei |
Ayatollah Ali Khamenei |
Ali Chamenei |
Sayyid Ali Hosseini Khamenei |
علی خامنه‌ای |
Khamenei | d8
Ayatollah Ali Khamenei | d8
@mojtaba_khamenei
Mojtaba Khamenei |
Mojtaba Hosseini Khamenei |
مجتبی خامنه‌ای |
M. Khamenei |
@kim_il_sung
Kim Il-sung |
Kim Il Sung |
Kim Ir-sen |
김일성 |
President Kim Il-sung |
@kim_jong_il
Kim Jong-il |
Kim Jong Il |
김정일 |
Chairman Kim Jong-il |
Kim Chong-il |
@kim_jong_un
Kim Jong-un |
Kim Jong Un |
Kim Jong-woon |
김정은 |
Chairman Kim Jong-un |
Jong Un Kim |
Kim Jongun |
@kim_yo_jong
Kim Yo-jong |
Kim Yo Jong |
김여정 |
Kim Yeo-jeong |
@gw_bush
George W. Bush |
George Walker Bush |
G. W. Bush |
President George W. Bush |
George W Bush |
@ghw_bush
George H. W. Bush |
George Herbert Walker Bush |
G. H. W. Bush |
George H.W. Bush |
President George H. W. Bush |
@jeb_bush
Jeb Bush |
John Ellis Bush |
Gov. Jeb Bush |
Governor Jeb Bush |
@fidel_castro
Fidel Castro |
Fidel Alejandro Castro Ruz |
F. Castro |
Comandante Fidel Castro |
Fidel Castro Ruz |
@raul_castro
Raúl Castro |
Raul Castro |
Raúl Modesto Castro Ruz |
General Raúl Castro |
R. Castro |
@indira_gandhi
Indira Gandhi |
Indira Priyadarshini Gandhi |
Prime Minister Indira Gandhi |
इंदिरा गांधी |
I. Gandhi |
@rajiv_gandhi
Rajiv Gandhi |
Rajiv Ratna Gandhi |
राजीव गांधी |
Prime Minister Rajiv Gandhi |
@rahul_gandhi
Rahul Gandhi |
राहुल गांधी |
Congress leader Rahul Gandhi |
Shri Rahul Gandhi |
@mahatma_gandhi
Mohandas Karamchand Gandhi |
Mahatma Gandhi |
M. K. Gandhi |
Mohandas K. Gandhi |
मोहनदास करमचंद गांधी |
@hafez_assad
Hafez al-Assad |
Hafiz al-Asad |
حافظ الأسد |
President Hafez al-Assad |
H. al-Assad |
@bashar_assad
Bashar al-Assad |
Bashar al-Asad |
بشار الأسد |
President Bashar al-Assad |
al-Assad, Bashar |
Bashar Hafez al-Assad |
Assad | d9
Bashar al-Assad | d9
@heydar_aliyev
Heydar Aliyev |
Heydar Alirza oglu Aliyev |
Гейдар Алиев |
Geidar Aliev |
@ilham_aliyev
Ilham Aliyev |
Ilham Heydar oglu Aliyev |
Ильхам Алиев |
President Ilham Aliyev |
Ilham Aliev |
@elizabeth_i
Elizabeth I |
Queen Elizabeth I |
Elizabeth I of England |
Elizabeth Tudor |
@elizabeth_ii
Elizabeth II |
Queen Elizabeth II |
Her Majesty Queen Elizabeth II |
Elizabeth Alexandra Mary Windsor |
Елизавета II |
@henry_vii
Henry VII |
King Henry VII |
Henry VII of England |
Henry Tudor |
@henry_viii
Henry VIII |
King Henry VIII |
Henry VIII of England |
Heinrich VIII |
@louis_xiv
Louis XIV |
King Louis XIV |
Louis XIV of France |
Ludwig XIV |
Luis XIV |
@louis_xvi
Louis XVI |
King Louis XVI |
Louis XVI of France |
Ludwig XVI |
Louis-Auguste de France |
@putin
Vladimir Putin |
Владимир Путин |
President Vladimir Putin |
PUTIN, Vladimir |
Vladimir Vladimirovich Putin |
V. V. Putin |
Wladimir Putin |
Poutine | d10
Vladimir Poutine | d10
Putin | d11
Vladimir Putin | d11
@zelensky
Volodymyr Zelensky |
Volodymyr Zelenskyy |
Volodymyr Zelenskiy |
Володимир Зеленський |
Vladimir Zelensky |
Wolodymyr Selenskyj |
President Volodymyr Zelensky |
Zelensky | d11
Volodymyr Zelensky | d11
@gaddafi
Muammar Gaddafi |
Muammar Qaddafi |
Moammar Kadhafi |
Muammar al-Gaddafi |
Moammar Gadhafi |
Mouammar Kadhafi |
معمر القذافي |
Colonel Muammar Gaddafi |
@saif_gaddafi
Saif al-Islam Gaddafi |
Saif al-Islam Qaddafi |
Seif al-Islam Kadhafi |
سيف الإسلام القذافي |
@xi_jinping
Xi Jinping |
习近平 |
習近平 |
President Xi Jinping |
Jinping Xi |
Hsi Chin-ping |
@xi_zhongxun
Xi Zhongxun |
习仲勋 |
Hsi Chung-hsun |
@erdogan
Recep Tayyip Erdoğan |
Recep Tayyip Erdogan |
Tayyip Erdoğan |
President Recep Tayyip Erdoğan |
R. T. Erdoğan |
Erdoğan | d12
Recep Tayyip Erdoğan | d12
@netanyahu
Benjamin Netanyahu |
בנימין נתניהו |
Bibi Netanyahu |
Prime Minister Benjamin Netanyahu |
Binyamin Netanyahu |
Netanyahu | d13
Benjamin Netanyahu | d13
@tsipras
Alexis Tsipras |
Αλέξης Τσίπρας |
Tsipras Alexis |
Alexis Tsípras |
Alexis Tsipras | d16
Tsipras | d16
@abbas
Mahmoud Abbas |
Mahmud Abbas |
محمود عباس |
Abu Mazen |
President Mahmoud Abbas |
Abbas | d13
Mahmoud Abbas | d13
@araghchi
Abbas Araghchi |
Abbas Araqchi |
عباس عراقچی |
Seyed Abbas Araghchi |
@lula
Luiz Inácio Lula da Silva |
Luiz Inacio Lula da Silva |
Lula da Silva |
Lula |
Luiz Inácio da Silva |
Lula da Silva, Luiz Inácio |
President Lula da Silva |
@garcia_marquez
Gabriel García Márquez |
Gabriel Garcia Marquez |
García Márquez, Gabriel |
Gabriel José García Márquez |
Gabo |
García Márquez | d14
Gabriel García Márquez | d14
@garcia_moreno
Gabriel García Moreno |
Gabriel Garcia Moreno |
President Gabriel García Moreno |
Gabriel Gregorio García Moreno |
@von_der_leyen
Ursula von der Leyen |
Ursula Von Der Leyen |
von der Leyen, Ursula |
President Ursula von der Leyen |
Ursula Gertrud von der Leyen |
von der Leyen | d15
Ursula von der Leyen | d15
@bayer
Bayer AG |
Bayer Aktiengesellschaft |
BayerAG |
Bayer |
Bayer Group |
@gazprom
Gazprom |
PAO Gazprom |
Gazprom PAO |
ПАО Газпром |
Gazprom PJSC |
Газпром |
OAO Gazprom |
@gazprom_neft
Gazprom Neft |
Gazpromneft |
PAO Gazprom Neft |
Газпром нефть |
@deutsche_bank
Deutsche Bank |
Deutsche Bank AG |
Deutsche Bank Aktiengesellschaft |
Deutsche Bank A.G. |
@deutsche_boerse
Deutsche Börse |
Deutsche Boerse |
Deutsche Börse AG |
Deutsche Borse Group |
@bill_clinton
Bill Clinton |
William Jefferson Clinton |
William Clinton |
President Bill Clinton |
William J. Clinton |
@hillary_clinton
Hillary Clinton |
Hillary Rodham Clinton |
Hillary R. Clinton |
Secretary Hillary Clinton |
H. Clinton |
@mbs_father
Salman bin Abdulaziz Al Saud |
Salman bin Abdulaziz |
Salman bin Abdul Aziz Al Saud |
King Salman bin Abdulaziz |
سلمان بن عبدالعزيز آل سعود |
"""

POS_TARGET = None  # balance is reported, not enforced

def parse_pairs(text, label):
    rows = []
    for ln, line in enumerate(text.strip("\n").split("\n"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != 4:
            raise SystemExit(f"bad pair line ({label}): {line!r}")
        rows.append((parts[0], parts[1], label, parts[2], parts[3]))
    return rows


def parse_clusters(text):
    rows, cur = [], None
    for line in text.strip("\n").split("\n"):
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            cur = line[1:].strip()
            continue
        if " |" not in line:
            raise SystemExit(f"bad cluster line: {line!r}")
        name, doc = line.rsplit(" |", 1)
        rows.append((cur, name.strip(), doc.strip()))
    return rows


PAIRS_HEADER = """\
# canonym evaluation pairs: labelled name pairs for the pairwise matcher.
# UTF-8, tab-separated; '#' lines are comments; the first non-comment line is
# the header. Columns:
#   name1, name2  two name strings as they may appear in text or lists
#   label         1 = the names are consistent variants (the same entity could
#                 be meant); 0 = they denote different entities
#   category      the kind of variation (label 1: translit, script, diacritics,
#                 title, order, partial, initial, typo, glued, nickname,
#                 variant, org) or of hard negative (label 0: regnal,
#                 namesake_given, same_surname, similar, person_org,
#                 generational, initial_conflict, short)
#   source        wikidata | news | seed | constructed (see eval/README.md)
# Generated from eval/build_eval.py; edit the data there and regenerate.
"""

CLUSTERS_HEADER = """\
# canonym evaluation clusters: mentions grouped by the real entity they denote.
# UTF-8, tab-separated; '#' lines are comments; the first non-comment line is
# the header. Columns:
#   cluster  entity id (one real person or organisation per id)
#   name     the mention string
#   doc      document id, or empty. 000..004 are the seed articles in seeds/;
#            d1, d2, ... are notional documents. A surname-only mention always
#            carries a doc that also holds the full name of the same entity.
# Generated from eval/build_eval.py; edit the data there and regenerate.
"""


def write(pairs, clusters):
    with open(HERE / "pairs.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(PAIRS_HEADER)
        f.write("name1\tname2\tlabel\tcategory\tsource\n")
        for a, b, l, c, s in pairs:
            f.write(f"{a}\t{b}\t{l}\t{c}\t{s}\n")
    with open(HERE / "clusters.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(CLUSTERS_HEADER)
        f.write("cluster\tname\tdoc\n")
        for c, n, d in clusters:
            f.write(f"{c}\t{n}\t{d}\n")


def read_tsv(path, header, ncols):
    rows, seen_header = [], False
    for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line == "":
            continue
        if not seen_header:
            if line.startswith("#"):
                continue
            if line != "\t".join(header):
                raise SystemExit(f"{path.name}:{i}: bad header {line!r}")
            seen_header = True
            continue
        cols = line.split("\t")
        if len(cols) != ncols:
            raise SystemExit(f"{path.name}:{i}: {len(cols)} columns, want {ncols}")
        if any(c != c.strip() for c in cols):
            raise SystemExit(f"{path.name}:{i}: stray whitespace")
        rows.append((i, cols))
    return rows


def is_latin_word(s):
    return all(unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha()
               for ch in s)


def check():
    errors = []
    prow = read_tsv(HERE / "pairs.tsv", ["name1", "name2", "label", "category", "source"], 5)
    seen = {}
    counts = collections.Counter()
    labels = collections.Counter()
    sources = collections.Counter()
    for i, (a, b, l, c, s) in prow:
        if l not in ("0", "1"):
            errors.append(f"pairs:{i}: label {l!r}")
        if not a or not b:
            errors.append(f"pairs:{i}: empty name")
        if unicodedata.normalize("NFC", a) != a or unicodedata.normalize("NFC", b) != b:
            errors.append(f"pairs:{i}: not NFC")
        if a == b:
            errors.append(f"pairs:{i}: identical names")
        if (l == "1" and c not in POS_CATS) or (l == "0" and c not in NEG_CATS):
            errors.append(f"pairs:{i}: category {c!r} for label {l}")
        if s not in SOURCES:
            errors.append(f"pairs:{i}: source {s!r}")
        key = frozenset((a, b))
        if key in seen:
            errors.append(f"pairs:{i}: duplicate of line {seen[key]}: {a} / {b}")
        seen[key] = i
        counts[(l, c)] += 1
        labels[l] += 1
        sources[s] += 1

    crow = read_tsv(HERE / "clusters.tsv", ["cluster", "name", "doc"], 3)
    by_cluster = collections.defaultdict(list)
    seen_m = set()
    for i, (cid, name, doc) in crow:
        if not cid or not name:
            errors.append(f"clusters:{i}: empty field")
        if (cid, name, doc) in seen_m:
            errors.append(f"clusters:{i}: duplicate mention")
        seen_m.add((cid, name, doc))
        by_cluster[cid].append((name, doc))
    # a mention string must not be listed under two clusters without docs
    owner = collections.defaultdict(set)
    for cid, ms in by_cluster.items():
        for name, doc in ms:
            owner[(name, doc)].add(cid)
    for k, v in owner.items():
        if len(v) > 1:
            errors.append(f"clusters: mention {k} in several clusters {sorted(v)}")
    # single-token Latin mentions (surnames, given names) need document context,
    # except acronyms and established mononyms listed here.
    mononyms = {"Lula", "Gabo", "MBS", "MBZ", "Bayer", "Gazprom", "Gazpromneft",
                "BayerAG", "AbdellatifLoudyi", "Kim Jongun"}
    docs = collections.defaultdict(list)
    for cid, ms in by_cluster.items():
        for name, doc in ms:
            if doc:
                docs[doc].append((cid, name))
    for cid, ms in by_cluster.items():
        for name, doc in ms:
            if " " in name or not is_latin_word(name) or name in mononyms:
                continue
            if not doc:
                errors.append(f"clusters: single-token mention {name!r} ({cid}) without doc")
                continue
            full = [n for c, n in docs[doc] if c == cid and " " in n and name.lower() in n.lower()]
            if not full:
                errors.append(f"clusters: {name!r} in {doc} has no full name of {cid} there")
            rivals = [c for c, n in docs[doc] if c != cid and name.lower() in n.lower().split()]
            if rivals:
                errors.append(f"clusters: {name!r} in {doc} is ambiguous with {rivals}")

    if errors:
        print("\n".join(errors))
        raise SystemExit(1)

    print(f"pairs.tsv: {len(prow)} pairs; label 1: {labels['1']}, label 0: {labels['0']}"
          f" ({100 * labels['1'] / len(prow):.1f}% positive)")
    for l, cats in (("1", POS_CATS), ("0", NEG_CATS)):
        for c in cats:
            print(f"  label {l}  {c:<17}{counts[(l, c)]:>4}")
    print("  sources: " + ", ".join(f"{s} {sources[s]} ({100 * sources[s] / len(prow):.1f}%)"
                                   for s in SOURCES))
    sizes = [len(v) for v in by_cluster.values()]
    print(f"clusters.tsv: {len(by_cluster)} clusters, {len(crow)} mentions"
          f" (min {min(sizes)}, max {max(sizes)} per cluster), {len(docs)} docs")


def main():
    if "--check" not in sys.argv:
        pairs = parse_pairs(PAIRS_POS, "1") + parse_pairs(PAIRS_NEG, "0")
        clusters = parse_clusters(CLUSTERS)
        write(pairs, clusters)
    check()


if __name__ == "__main__":
    main()
