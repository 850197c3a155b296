/**
 * Places beyond the core list in gazetteer.ts: the remaining countries (and the former ones older
 * news names), the nations of the United Kingdom, regions and provinces in the news, and capitals
 * and large cities. Written out by hand: the npm gazetteers are city databases of megabytes. Names
 * that are also common given names or surnames ("Houston", "Victoria", "Florence", "Sofia",
 * "Jackson", "Kobe") are left out, as a lone mention of them is as often a person.
 */
export const MORE_PLACES = (
  // Countries, current and former.
  "Andorra|Antigua and Barbuda|Bahamas|Barbados|Belize|Benin|Bhutan|Bosnia-Herzegovina|Bosnia and Herzegovina|Botswana|Brunei|Burkina Faso|" +
  "Burundi|Cape Verde|Central African Republic|Comoros|Costa Rica|Djibouti|Dominican Republic|East Timor|Timor-Leste|El Salvador|" +
  "Equatorial Guinea|Eritrea|Eswatini|Swaziland|Fiji|Gabon|Gambia|Grenada|Guinea|Guinea-Bissau|Guyana|Ivory Coast|Kiribati|Lesotho|Liberia|" +
  "Liechtenstein|Malawi|Maldives|Malta|Marshall Islands|Mauritania|Mauritius|Monaco|Namibia|North Macedonia|Papua New Guinea|Samoa|San Marino|" +
  "Seychelles|Sierra Leone|Solomon Islands|Suriname|Togo|Tonga|Trinidad|Trinidad and Tobago|Tuvalu|Vanuatu|Vatican|Vatican City|" +
  "Democratic Republic of Congo|Democratic Republic of the Congo|Republic of Congo|Kazakstan|Belorussia|Byelorussia|Yugoslavia|Czechoslovakia|" +
  "Zaire|Rhodesia|East Germany|West Germany|South Vietnam|North Vietnam|Scotland|Wales|England|Northern Ireland|Greenland|Bermuda|Cayman Islands|" +
  // Regions, provinces and islands.
  "Balkans|Caribbean|Scandinavia|Central America|South America|North America|Central Asia|East Asia|Southeast Asia|South Asia|East Africa|" +
  "West Africa|North Africa|Southern Africa|Horn of Africa|Persian Gulf|Sahara|Sahel|Siberia|Patagonia|Darfur|Golan Heights|Gaza Strip|Sinai|" +
  "Nagorno-Karabakh|Abkhazia|South Ossetia|Transnistria|Bavaria|Catalonia|Basque Country|Quebec|Ontario|British Columbia|Alberta|Manitoba|" +
  "Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Queensland|New South Wales|Tasmania|Hokkaido|Okinawa|Guangdong|Sichuan|Xinjiang|Hubei|" +
  "Yunnan|Inner Mongolia|Taiwan Strait|Lombardy|Sicily|Sardinia|Corsica|Normandy|Brittany|Andalusia|Silesia|Transylvania|Anatolia|Mindanao|" +
  "Java|Sumatra|Borneo|Bali|Aceh|Punjab|Gujarat|Bihar|West Bengal|Tamil Nadu|Karnataka|Maharashtra|Uttar Pradesh|Rajasthan|Assam|Chiapas|" +
  "Yucatan|Andes|Alps|Himalayas|Indiana|Montana|Virginia|Long Island|Silicon Valley|Hollywood|Bronx|Harlem|" +
  // Capitals and large cities.
  "Tirana|Algiers|Luanda|Yerevan|Baku|Manama|Dhaka|Sarajevo|Phnom Penh|Yaounde|N'Djamena|Zagreb|Nicosia|Quito|Addis Ababa|Tallinn|Tbilisi|" +
  "Accra|Guatemala City|Port-au-Prince|Tegucigalpa|Reykjavik|Jakarta|Amman|Astana|Almaty|Pristina|Bishkek|Vientiane|Riga|Beirut|Tripoli|" +
  "Vilnius|Skopje|Antananarivo|Kuala Lumpur|Bamako|Chisinau|Ulan Bator|Ulaanbaatar|Podgorica|Rabat|Casablanca|Maputo|Rangoon|Yangon|" +
  "Naypyidaw|Kathmandu|The Hague|Rotterdam|Auckland|Managua|Niamey|Abuja|Muscat|Karachi|Lahore|Peshawar|Ramallah|Panama City|Asuncion|" +
  "Manila|Krakow|Bucharest|Kigali|Jeddah|Mecca|Dakar|Belgrade|Bratislava|Ljubljana|Mogadishu|Cape Town|Pretoria|Durban|Colombo|Khartoum|" +
  "Juba|Taipei|Dushanbe|Dar es Salaam|Dodoma|Bangkok|Tunis|Ashgabat|Kampala|Kharkiv|Odessa|Odesa|Lviv|Donetsk|Luhansk|Mariupol|Abu Dhabi|" +
  "Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Belfast|Cardiff|Montevideo|Tashkent|Samarkand|Hanoi|Ho Chi Minh City|Saigon|Sanaa|" +
  "Aden|Lusaka|Harare|Bern|Zurich|Basel|Lausanne|Davos|Milan|Naples|Venice|Turin|Barcelona|Valencia|Seville|Bilbao|Munich|Frankfurt|" +
  "Hamburg|Cologne|Bonn|Dresden|Leipzig|Lyon|Marseille|Strasbourg|Antwerp|Gdansk|Novosibirsk|Vladivostok|Yekaterinburg|Grozny|Murmansk|" +
  "Kaliningrad|Osaka|Kyoto|Hiroshima|Nagasaki|Yokohama|Fukushima|Busan|Pusan|Incheon|Guangzhou|Shenzhen|Tianjin|Chongqing|Chengdu|Nanjing|" +
  "Hangzhou|Harbin|Lhasa|Urumqi|Macau|Macao|Kolkata|Calcutta|Chennai|Bombay|Bangalore|Bengaluru|Hyderabad|Srinagar|Kandahar|Herat|" +
  "Mosul|Basra|Fallujah|Kirkuk|Erbil|Tikrit|Homs|Idlib|Raqqa|Benghazi|Alexandria|Gaza City|Haifa|Hebron|Nablus|Bethlehem|Jenin|Tabriz|" +
  "Isfahan|Mashhad|Qom|Izmir|Antalya|Guadalajara|Monterrey|Tijuana|Ciudad Juarez|Acapulco|Cancun|Medellin|Cartagena|Recife|Porto Alegre|" +
  "Belo Horizonte|Manaus|Valparaiso|La Paz|Cusco|Montreal|Vancouver|Calgary|Quebec City|Winnipeg|Halifax|Melbourne|Brisbane|Perth|Kinshasa|" +
  "Brazzaville|Freetown|Monrovia|Abidjan|Conakry|Ouagadougou|Lome|Kano|Port Harcourt|Mombasa|Zanzibar|Arusha|Goma|Bujumbura|Asmara|Windhoek|" +
  "Gaborone|Lilongwe|Libreville|Bangui|Kuwait City|Nassau|San Juan|Santo Domingo|San Jose|San Salvador|" +
  "Philadelphia|Detroit|Dallas|Denver|Baltimore|Pittsburgh|Portland|Minneapolis|St. Louis|New Orleans|Las Vegas|San Diego|Sacramento|Oakland|" +
  "Honolulu|Anchorage|Cincinnati|Milwaukee|Nashville|Memphis|Indianapolis|Kansas City|Oklahoma City|Salt Lake City|Tampa|Buffalo|Newark|" +
  "Jersey City|Fort Worth|El Paso|Tucson|Albuquerque|Omaha|Louisville|Raleigh|Hartford|Providence|Anaheim|Fairbanks"
).split("|");
