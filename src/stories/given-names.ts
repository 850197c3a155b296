/**
 * Common given names, to type an untitled "First Last" as a person ("Richard Branson", "Saddam
 * Hussein", "Xanana Gusmao"). Written by hand: the npm name lists are census tables of tens of
 * thousands of names, many of them also ordinary words or places. Names that often open places or
 * bodies ("Santa", "San", "Saint", "Victoria", "Jordan", "Georgia", "Virginia", "Lincoln") are left out.
 */
export const GIVEN_NAMES = new Set(
  (
    // English and European.
    "Aaron Adam Adrian Alan Albert Alex Alexander Alexis Alfred Alice Alison Allen Amanda Amy Andrea Andrew Andy Angela Ann Anna Anne Annie " +
    "Anthony Antonio Arnold Arthur Barbara Barry Ben Benjamin Bernard Beth Betty Bill Billy Bob Bobby Bonnie Brad Bradley Brenda Brian Bruce " +
    "Bryan Carl Carlos Carol Caroline Carolyn Catherine Charles Charlie Cheryl Chris Christina Christine Christopher Cindy Claire Clarence " +
    "Claude Colin Craig Cynthia Dale Dan Daniel Danny Darren David Dean Deborah Debra Dennis Derek Diana Diane Donald Donna Doris Dorothy Doug Douglas " +
    "Earl Ed Eddie Edgar Edith Edward Eileen Elaine Eleanor Elizabeth Ellen Emily Emma Eric Erik Ernest Eugene Eva Evelyn Frances Francis Frank " +
    "Fred Frederick Gary Gene Geoffrey George Gerald Gerard Gilbert Glen Glenn Gloria Gordon Grace Greg Gregg Gregory Hank Harold Harry Harvey " +
    "Heather Helen Henry Herbert Howard Ian Irene Isaac Jack Jacob Jacqueline James Jamie Jane Janet Janice Jason Jean Jeff Jeffrey Jennifer " +
    "Jeremy Jerry Jessica Jill Jim Jimmy Joan Joe Joel John Johnny Jon Jonathan Joseph Josh Joshua Joyce Judith Judy Julia Julie Justin Karen " +
    "Kate Katherine Kathleen Kathryn Kathy Keith Kelly Ken Kenneth Kevin Kim Kyle Larry Laura Lauren Lawrence Lee Leonard Leslie Linda Lisa Lois " +
    "Louis Louise Lucy Luke Lynn Margaret Maria Marie Marilyn Mark Martha Martin Mary Matthew Maurice Melissa Michael Michelle Mike Nancy Natalie " +
    "Neil Nicholas Nick Nicole Norman Oliver Pamela Pat Patricia Patrick Paul Paula Peggy Peter Philip Phillip Ralph Randy Raymond Rebecca Richard " +
    "Rick Rob Robert Roberta Robin Roger Ronald Rose Roy Russell Ruth Ryan Sally Samuel Sandra Sara Sarah Scott Sean Sharon Shirley Simon Stanley " +
    "Stephanie Stephen Steve Steven Stuart Susan Suzanne Ted Teresa Terry Theodore Thomas Tim Timothy Todd Tom Tommy Tony Tracy Valerie Vincent " +
    "Walter Wayne Wendy William Willie " +
    "Alain Andreas Anders Antoine Bernd Boris Bruno Carla Dieter Dmitri Dmitry Eduardo Enrique Ernesto Fernando Francesco Francisco Franz Fritz " +
    "Gerhard Giovanni Giuseppe Gunter Hans Heinz Helmut Hugo Igor Ivan Jacques Javier Jean-Pierre Joachim Jorge Jose José Juan Jürgen Klaus Lars " +
    "Leonid Luis Luigi Manuel Marco Mario Massimo Mikhail Miguel Nikolai Olaf Oleg Pablo Pedro Pierre Rafael Ramon Ricardo Roberto " +
    "Sergei Sergey Silvio Stefan Sven Ulrich Vaclav Viktor Vladimir Werner Wolfgang Yuri Zoran Slobodan Milan Goran Dragan Ante Ivo Jacek Lech " +
    // Arabic, Persian, Turkish, South Asian.
    "Abdul Abdullah Ahmad Ahmed Ali Amr Anwar Ayman Bashar Fahd Faisal Hamid Hassan Hosni Hussein Ibrahim Ismail Jamal Karim Khalid Mahmoud " +
    "Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Omar Osama Rashid Saddam Salim Tariq Walid Yasser Yusuf Hamad Recep Mesut " +
    "Bulent Necmettin Akbar Mohsen Reza Hashemi Benazir Nawaz Pervez Atal Rajiv Sonia Manmohan Narendra Indira Rahul " +
    // East and Southeast Asian.
    "Kofi Nelson Thabo Jomo Mwai Uhuru Xanana Kiichi Junichiro Shinzo Ryutaro Keizo Yoshiro Naoto Jiang Hu Wen Zhu Deng Mao"
  ).split(" "),
);
