/**
 * Cases (vụ việc) and their legal deadlines: the clock of the Law on Complaints 2011 and the Law on Denunciations
 * 2018 over the country's working days.
 */
package vn.situationroom.cases;
